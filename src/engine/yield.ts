// Runs in worker and Node. Training never waits for a frame; it only gives the event loop a turn every
// `intervalMs` so that a stop request (a message) can arrive. A macrotask turn costs microseconds, not 4 ms
// (nested setTimeout clamps) or 16 ms (requestAnimationFrame).

/** How often training and evaluation give the event loop a turn: often enough for a prompt stop. */
export const YIELD_INTERVAL_MS = 50;

export type Scheduler = (resume: () => void) => void;

/** Makes the event-loop turn scheduler for this host. Exported for tests; code uses the shared one below. */
export function makeScheduler(): Scheduler {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === 'function') return (resume) => g.setImmediate!(resume);
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const queue: (() => void)[] = [];
    // The web's MessagePort has onmessage; Node's typings name only its EventEmitter side. This path runs where
    // there is no setImmediate, which is a browser worker.
    (channel.port1 as unknown as { onmessage: (() => void) | null }).onmessage = () => queue.shift()?.();
    return (resume) => {
      queue.push(resume);
      channel.port2.postMessage(null);
    };
  }
  return (resume) => setTimeout(resume, 0);
}

// One per host for its whole life, shared by every yielder: a MessageChannel per yielder (one per mode, per
// evaluation) would be opened and never closed.
let shared: Scheduler | null = null;

export function createYielder(
  intervalMs: number,
  now: () => number = () => performance.now(),
  schedule: Scheduler = (shared ??= makeScheduler()),
) {
  let last = now();
  return async function yieldIfDue(): Promise<void> {
    if (now() - last < intervalMs) return;
    await new Promise<void>((resume) => schedule(resume));
    last = now();
  };
}

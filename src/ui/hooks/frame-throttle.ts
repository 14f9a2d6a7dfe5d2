// Runs in the page (no React). Turns a source's change events, however many per second, into at most one
// notification per animation frame, and at most one per `minIntervalMs`. One throttle per source, shared by
// every component that draws from it, so all of them update in the same frame and React renders once. A hidden
// tab gets no frames: changes wait in the source's bounded buffers and show up on return.

export interface ChangeSource {
  subscribe(listener: () => void): () => void;
}

type Raf = (callback: () => void) => number;

export interface FrameThrottleOptions {
  /** Fewest milliseconds between notifications (0: every frame with a change). */
  minIntervalMs?: number;
  now?: () => number;
  /** Schedules a callback at the next frame (requestAnimationFrame) and cancels one. */
  raf?: Raf;
  cancel?: (id: number) => void;
}

export class FrameThrottle {
  /** Advances once per frame in which the source changed: the snapshot React compares. */
  frame = 0;
  private pending: number | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private readonly raf: Raf;
  private readonly cancel: (id: number) => void;
  private last = -Infinity;

  constructor(source: ChangeSource, options: FrameThrottleOptions = {}) {
    this.minIntervalMs = options.minIntervalMs ?? 0;
    this.now = options.now ?? (() => performance.now());
    this.raf = options.raf ?? ((cb) => requestAnimationFrame(cb));
    this.cancel = options.cancel ?? ((id) => cancelAnimationFrame(id));
    this.unsubscribe = source.subscribe(() => this.schedule());
  }

  private schedule(): void {
    if (this.pending !== null) return;
    this.pending = this.raf(() => {
      this.pending = null;
      // Too soon after the last one: look again next frame (the change is still there to tell).
      if (this.now() - this.last < this.minIntervalMs) return this.schedule();
      this.last = this.now();
      this.frame++;
      for (const listener of this.listeners) listener();
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): number => this.frame;

  dispose(): void {
    this.unsubscribe();
    if (this.pending !== null) this.cancel(this.pending);
    this.pending = null;
  }
}

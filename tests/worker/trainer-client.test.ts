// Runs in Node. The page's bridge against an in-process "worker": a MessageChannel with Comlink on both ends,
// so reconcile and hard stop are tested with the real wire protocol. Time is fake (timers and Date): the
// messages travel for real, so `elapse` lets them through before and after moving the clock.
import * as Comlink from 'comlink';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, cloneConfig, type RunConfig } from '../../src/shared/config';
import { ERROR_NAMES } from '../../src/shared/errors';
import { packMetrics, unpackChunk } from '../../src/shared/metric-chunk';
import type { BackendInfo, BatchMetric, RunResult } from '../../src/shared/metrics';
import type { RunEvents, TrainerApi } from '../../src/shared/trainer-api';
import { TrainerClient } from '../../src/client/trainer-client';

const BACKEND: BackendInfo = { active: 'cpu', requested: 'cpu', fallbacks: [] };
const CONFIG: RunConfig = { ...cloneConfig(DEFAULT_CONFIG as RunConfig), backend: 'cpu' };
const open: MessagePort[] = [];

function metric(batch: number): Partial<BatchMetric> {
  // Only the fields this test reads; the row stores any missing number as NaN.
  return { mode: 'loop', epoch: 0, batch, loss: 1 / (batch + 1), ms: 1, samplesSeen: batch, numTensors: 4, numBytes: 64 };
}

function chunkOf(from: number, count: number) {
  return packMetrics(Array.from({ length: count }, (_, i) => metric(from + i)));
}

function result(runId: number, totalBatches: number, stopped = false): RunResult {
  return {
    runId,
    backend: BACKEND,
    summaries: [],
    comparisons: [],
    noise: { value: NaN, basis: 'batches', mode: null, warning: null },
    notices: [],
    batchCounts: { loop: totalBatches },
    totalBatches,
    stopped,
  };
}

/** A Worker stand-in: the client's end of a MessageChannel whose other end exposes `api`. */
function fakeWorkerFactory(api: TrainerApi) {
  const made: { terminated: boolean }[] = [];
  const create = () => {
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    Comlink.expose(api, port2);
    const state = { terminated: false };
    made.push(state);
    return Object.assign(port1, {
      terminate() {
        state.terminated = true;
        port1.close();
        port2.close();
      },
    }) as unknown as Worker;
  };
  return { create, made };
}

/** These fakes never see a CSV file, and answer pings like a live worker. */
const NO_CSV: Pick<TrainerApi, 'inspectCsv' | 'ping'> = {
  inspectCsv: async () => {
    throw new Error('no CSV in this test');
  },
  ping: async () => Date.now(),
};

beforeEach(() => {
  // setImmediate stays real: it is how `settle` lets the MessagePort's messages through.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  for (const port of open.splice(0)) port.close();
});

/** Lets messages in flight arrive (each hop is a macrotask). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Moves the fake clock by `ms`, letting messages through before and after. */
async function elapse(ms: number): Promise<void> {
  await settle();
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

describe('TrainerClient', () => {
  it('waits for chunks that arrive after the result', async () => {
    const api: TrainerApi = {
      ...NO_CSV,
      async start(runId, _config, events: RunEvents) {
        await events.onBackend(BACKEND);
        void events.onMetrics(chunkOf(0, 3));
        // The last chunk goes out only after the result has been sent.
        setTimeout(() => void events.onMetrics(chunkOf(3, 2)), 50);
        return result(runId, 5);
      },
      async stop() {},
    };
    const { create } = fakeWorkerFactory(api);
    const client = new TrainerClient({ createWorker: create, reconcileTimeoutMs: 2000 });
    const received: BatchMetric[] = [];
    const backends: BackendInfo[] = [];
    const running = client.run(CONFIG, { onMetrics: (chunk) => received.push(...unpackChunk(chunk)), onBackend: (b) => backends.push(b) });
    await elapse(50);
    const out = await running;
    expect(out.totalBatches).toBe(5);
    expect(out.receivedBatches).toBe(5);
    expect(received.map((m) => m.batch)).toEqual([0, 1, 2, 3, 4]);
    expect(backends).toEqual([BACKEND]);
    expect(client.running).toBe(false);
  });

  it('gives up waiting after the reconcile timeout and says how many arrived', async () => {
    const api: TrainerApi = {
      ...NO_CSV,
      async start(runId, _config, events) {
        await events.onBackend(BACKEND);
        void events.onMetrics(chunkOf(0, 2));
        return result(runId, 10);
      },
      async stop() {},
    };
    const client = new TrainerClient({ createWorker: fakeWorkerFactory(api).create, reconcileTimeoutMs: 100 });
    const running = client.run(CONFIG, { onMetrics: () => {} });
    let done = false;
    void running.then(() => (done = true));
    await elapse(99);
    expect(done).toBe(false);
    await elapse(1);
    const out = await running;
    expect(out.totalBatches).toBe(10);
    expect(out.receivedBatches).toBe(2);
  });

  it('stops cooperatively when the worker answers', async () => {
    let stopRun: (() => void) | undefined;
    const api: TrainerApi = {
      ...NO_CSV,
      start: (runId) => new Promise((resolve) => (stopRun = () => resolve(result(runId, 0, true)))),
      async stop() {
        stopRun?.();
      },
    };
    const { create, made } = fakeWorkerFactory(api);
    const client = new TrainerClient({ createWorker: create, stopGraceMs: 1000 });
    const running = client.run(CONFIG, { onMetrics: () => {} });
    await settle();
    client.stop();
    await settle();
    const out = await running;
    expect(out.stopped).toBe(true);
    expect(made).toEqual([{ terminated: false }]);
  });

  it('terminates a worker that does not stop, rejects with WorkerLostError and respawns on the next run', async () => {
    let calls = 0;
    const api: TrainerApi = {
      ...NO_CSV,
      start: (runId) => {
        calls++;
        // The first run never ends (a long GPU step, a hung backend); later ones end at once.
        return calls === 1 ? new Promise(() => {}) : Promise.resolve(result(runId, 0));
      },
      async stop() {},
    };
    const { create, made } = fakeWorkerFactory(api);
    const client = new TrainerClient({ createWorker: create, stopGraceMs: 100 });
    const running = client.run(CONFIG, { onMetrics: () => {} });
    const outcome = running.then(
      () => 'resolved',
      (e: { name: string }) => e.name,
    );
    await settle();
    client.stop();
    // Within the grace period the worker is left alone; at its end it is terminated.
    await elapse(99);
    expect(made).toEqual([{ terminated: false }]);
    await elapse(1);
    expect(await outcome).toBe(ERROR_NAMES.workerLost);
    expect(made).toEqual([{ terminated: true }]);
    expect(client.running).toBe(false);
    const next = await client.run(CONFIG, { onMetrics: () => {} });
    expect(next.runId).toBe(2);
    expect(made).toHaveLength(2);
  });

  it('rejects a second run while one is in progress', async () => {
    const api: TrainerApi = {
      ...NO_CSV,
      start: () => new Promise(() => {}),
      async stop() {},
    };
    const client = new TrainerClient({ createWorker: fakeWorkerFactory(api).create });
    const first = client.run(CONFIG, { onMetrics: () => {} });
    await expect(client.run(CONFIG, { onMetrics: () => {} })).rejects.toMatchObject({ name: ERROR_NAMES.runInProgress });
    client.terminate();
    await expect(first).rejects.toMatchObject({ name: ERROR_NAMES.workerLost });
  });

  it("turns the worker's error event into WorkerLostError", async () => {
    const api: TrainerApi = {
      ...NO_CSV,
      start: () => new Promise(() => {}),
      async stop() {},
    };
    let worker: Worker | undefined;
    const { create } = fakeWorkerFactory(api);
    const client = new TrainerClient({ createWorker: () => (worker = create()) });
    const running = client.run(CONFIG, { onMetrics: () => {} });
    const event = new Event('error') as Event & { message?: string };
    Object.defineProperty(event, 'message', { value: 'Uncaught SyntaxError: boom' });
    worker!.dispatchEvent(event);
    await expect(running).rejects.toMatchObject({ name: ERROR_NAMES.workerLost, message: expect.stringContaining('boom') });
  });

  it('passes errors from the worker through by name', async () => {
    const api: TrainerApi = {
      ...NO_CSV,
      async start() {
        const error = new Error('No backend could start (webgpu: no WebGPU adapter)');
        error.name = ERROR_NAMES.backendUnavailable;
        throw error;
      },
      async stop() {},
    };
    const client = new TrainerClient({ createWorker: fakeWorkerFactory(api).create });
    await expect(client.run(CONFIG, { onMetrics: () => {} })).rejects.toMatchObject({
      name: ERROR_NAMES.backendUnavailable,
      message: expect.stringContaining('no WebGPU adapter'),
    });
  });

  it('declares a silent worker lost, instead of waiting forever, and starts a fresh one for the next run', async () => {
    let alive = true;
    const api: TrainerApi = {
      ...NO_CSV,
      // A worker that died mid-run: no result, no error event, no answer to pings.
      start: () => new Promise(() => {}),
      ping: () => (alive ? Promise.resolve(Date.now()) : new Promise(() => {})),
      async stop() {},
    };
    const { create, made } = fakeWorkerFactory(api);
    const client = new TrainerClient({ createWorker: create, pingIntervalMs: 20, silenceLimitMs: 200 });
    const pending = client.run(CONFIG, { onMetrics() {} });
    const outcome = pending.catch((e: Error) => e);
    for (let t = 0; t < 600; t += 20) await elapse(20);
    expect(client.running).toBe(true); // still answering pings: alive, just busy
    alive = false;
    for (let t = 0; t < 260; t += 20) await elapse(20);
    expect(await outcome).toMatchObject({ name: ERROR_NAMES.workerLost, message: expect.stringContaining('stopped responding') });
    expect(made[0].terminated).toBe(true);
    expect(client.running).toBe(false);
  });

  it('does not count silence the worker announced (an epoch without per-batch callbacks), and counts it again after', async () => {
    let answering = true;
    let finish: ((r: RunResult) => void) | undefined;
    let events: RunEvents | undefined;
    const api: TrainerApi = {
      ...NO_CSV,
      start: (runId, _config, e) => {
        events = e;
        return new Promise((resolve) => (finish = () => resolve(result(runId, 0))));
      },
      ping: () => (answering ? Promise.resolve(Date.now()) : new Promise(() => {})),
      async stop() {},
    };
    const client = new TrainerClient({ createWorker: fakeWorkerFactory(api).create, pingIntervalMs: 20, silenceLimitMs: 200 });
    const first = client.run(CONFIG, { onMetrics() {} });
    await elapse(40);
    // A long quiet epoch: no pong for three times the silence limit, yet the run goes on and then ends well.
    await events!.onQuiet!(true);
    answering = false;
    for (let t = 0; t < 600; t += 20) await elapse(20);
    expect(client.running).toBe(true);
    answering = true;
    await events!.onQuiet!(false);
    finish!(result(1, 0));
    await expect(first).resolves.toMatchObject({ totalBatches: 0 });

    // Once the worker says it answers again, silence counts as before.
    const second = client.run(CONFIG, { onMetrics() {} });
    const outcome = second.catch((e: Error) => e);
    await elapse(40);
    await events!.onQuiet!(true);
    await events!.onQuiet!(false);
    answering = false;
    for (let t = 0; t < 260; t += 20) await elapse(20);
    expect(await outcome).toMatchObject({ name: ERROR_NAMES.workerLost, message: expect.stringContaining('stopped responding') });
  });

  it('declares the worker lost at once when a call to it fails, without waiting out the silence limit', async () => {
    const api: TrainerApi = {
      ...NO_CSV,
      start: () => new Promise(() => {}),
      ping: () => Promise.reject(new Error('the worker is gone')),
      async stop() {},
    };
    const client = new TrainerClient({ createWorker: fakeWorkerFactory(api).create, pingIntervalMs: 20, silenceLimitMs: 20_000 });
    const outcome = client.run(CONFIG, { onMetrics() {} }).catch((e: Error) => e);
    await elapse(20);
    expect(await outcome).toMatchObject({ name: ERROR_NAMES.workerLost, message: expect.stringContaining('the worker is gone') });
  });
});

// Runs in the page (main thread). The page's half of the worker bridge, no React: starts the worker lazily,
// streams metric chunks to the caller, reconciles the stream with the result, and hard-stops (terminate +
// lazy respawn) when a cooperative stop does not come back in time.
import * as Comlink from 'comlink';
import { cloneConfig, type RunConfig } from '../shared/config';
import type { CsvFile, CsvInspection } from '../shared/csv';
import { ERROR_NAMES, FitscopeError } from '../shared/errors';
import { chunkSteps, type MetricChunk } from '../shared/metric-chunk';
import type { BackendInfo, ModeSummary, RunResult } from '../shared/metrics';
import type { RunEvents, TrainerApi } from '../shared/trainer-api';

export interface RunCallbacks {
  /** Per-batch rows (metric-row.ts) in arrival order, a few dozen chunks a second at most. */
  onMetrics(chunk: MetricChunk): void;
  /** The backend that actually runs, before the first batch. */
  onBackend?(info: BackendInfo): void;
  /** Each mode's summary as soon as the mode is done. */
  onModeEnd?(summary: ModeSummary): void;
}

export interface ClientRunResult extends RunResult {
  /** Training steps this page received records of. Below totalBatches only when the last chunks did not arrive in time. */
  receivedBatches: number;
}

export interface TrainerClientOptions {
  /** Makes the worker; tests pass their own. */
  createWorker?: () => Worker;
  /** How long a cooperative stop may take before the worker is terminated. */
  stopGraceMs?: number;
  /** How long to wait, once the result is in, for chunks still on their way. */
  reconcileTimeoutMs?: number;
  /** During a run the worker is pinged this often; one that stays silent for `silenceLimitMs` is declared lost. */
  pingIntervalMs?: number;
  silenceLimitMs?: number;
}

interface RunState {
  runId: number;
  /** Training steps received (a record per epoch counts its epoch's batches). */
  received: number;
  lose(error: Error): void;
  stopTimer?: ReturnType<typeof setTimeout>;
  /** Set while waiting for the last chunks. */
  wake?: () => void;
  /** When the worker last showed it was alive (a chunk, an event or a pong). */
  lastSign: number;
  /** Set while the worker has said it will not answer until an epoch ends (see RunEvents.onQuiet). */
  quiet: boolean;
  watchdog?: ReturnType<typeof setInterval>;
}

function createTrainerWorker(): Worker {
  // Written out literally so that Vite finds and bundles the worker.
  return new Worker(new URL('../worker/entry.ts', import.meta.url), { type: 'module', name: 'fitscope-trainer' });
}

export class TrainerClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<TrainerApi> | null = null;
  private current: RunState | null = null;
  private nextRunId = 1;
  private readonly createWorker: () => Worker;
  private readonly stopGraceMs: number;
  private readonly reconcileTimeoutMs: number;
  private readonly pingIntervalMs: number;
  private readonly silenceLimitMs: number;

  constructor(options: TrainerClientOptions = {}) {
    this.createWorker = options.createWorker ?? createTrainerWorker;
    this.stopGraceMs = options.stopGraceMs ?? 3000;
    this.reconcileTimeoutMs = options.reconcileTimeoutMs ?? 2000;
    this.pingIntervalMs = options.pingIntervalMs ?? 2000;
    // Generous: making a large synthetic set or decoding MNIST keeps the worker busy for seconds at a time.
    this.silenceLimitMs = options.silenceLimitMs ?? 20_000;
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Reads a CSV file in the worker for the preview (the page never parses it). */
  async inspectCsv(csv: CsvFile): Promise<CsvInspection> {
    return this.ensureApi().inspectCsv(csv);
  }

  async run(config: RunConfig, callbacks: RunCallbacks, csv?: CsvFile): Promise<ClientRunResult> {
    if (this.current) throw new FitscopeError(ERROR_NAMES.runInProgress, 'A run is already in progress; stop it first');
    const api = this.ensureApi();
    let lose!: (error: Error) => void;
    const lost = new Promise<never>((_, reject) => (lose = reject));
    lost.catch(() => {});
    const state: RunState = { runId: this.nextRunId++, received: 0, lose, lastSign: Date.now(), quiet: false };
    this.current = state;
    this.watch(state, api);
    const events: RunEvents = {
      onMetrics: (chunk: MetricChunk) => {
        if (this.current !== state) return;
        // Counted before the caller sees it, so a throwing callback cannot stall the reconcile.
        state.received += chunkSteps(chunk);
        state.lastSign = Date.now();
        try {
          callbacks.onMetrics(chunk);
        } finally {
          state.wake?.();
        }
      },
      onBackend: (info: BackendInfo) => {
        if (this.current === state) callbacks.onBackend?.(info);
      },
      onModeEnd: (summary: ModeSummary) => {
        if (this.current === state) callbacks.onModeEnd?.(summary);
      },
      onQuiet: (quiet: boolean) => {
        state.quiet = quiet;
        state.lastSign = Date.now();
      },
    };
    try {
      const result = await Promise.race([api.start(state.runId, cloneConfig(config), Comlink.proxy(events), csv), lost]);
      // The result travels on the worker's port, the chunks on the events port: the result may come first.
      const receivedBatches = await Promise.race([this.waitForBatches(state, result.totalBatches), lost]);
      return { ...result, receivedBatches };
    } finally {
      clearTimeout(state.stopTimer);
      clearInterval(state.watchdog);
      state.wake = undefined;
      if (this.current === state) this.current = null;
    }
  }

  /** Asks the run to stop after its current batch; terminates the worker if that takes too long. */
  stop(): void {
    const state = this.current;
    if (!state || state.stopTimer !== undefined) return;
    this.api?.stop(state.runId).catch(() => {});
    state.stopTimer = setTimeout(() => {
      if (this.current !== state) return;
      this.loseWorker(
        `The run did not stop within ${this.stopGraceMs / 1000} s, so its worker was terminated; the next run starts a fresh one`,
      );
    }, this.stopGraceMs);
  }

  /** Terminates the worker now; a running run rejects with WorkerLostError. */
  terminate(): void {
    this.loseWorker('The training worker was terminated');
  }

  private ensureApi(): Comlink.Remote<TrainerApi> {
    if (this.api) return this.api;
    const worker = this.createWorker();
    const onError = (event: Event) => {
      event.preventDefault();
      const detail = (event as ErrorEvent).message;
      // A module worker that fails to load or evaluate reports no message: the console has the details.
      if (this.worker === worker)
        this.loseWorker(
          `The training worker failed: ${detail || 'it could not be loaded, or it crashed (the browser console has the details)'}`,
        );
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', () => {
      if (this.worker === worker) this.loseWorker('The training worker sent a message the page could not read');
    });
    this.worker = worker;
    this.api = Comlink.wrap<TrainerApi>(worker);
    return this.api;
  }

  /**
   * A worker can die without an error event (closed, crashed, killed for memory): the run would then wait
   * forever. Pings during the run catch that; training yields every 50 ms, so a healthy worker answers quickly.
   * The one exception is announced: a mode without per-batch callbacks trains whole epochs without a turn,
   * and while it says so, silence is not counted (Stop still ends such a run, by terminating the worker).
   */
  private watch(state: RunState, api: Comlink.Remote<TrainerApi>): void {
    state.watchdog = setInterval(() => {
      if (this.current !== state) return clearInterval(state.watchdog);
      if (!state.quiet && Date.now() - state.lastSign > this.silenceLimitMs) {
        clearInterval(state.watchdog);
        this.loseWorker(
          `The training worker stopped responding for ${Math.round(this.silenceLimitMs / 1000)} s (it may have crashed or run out of memory); the next run starts a fresh one`,
        );
        return;
      }
      api.ping().then(
        () => {
          state.lastSign = Date.now();
        },
        // A call that fails is as sure a sign as an error event: no need to wait out the silence limit.
        (error: unknown) => {
          if (this.current === state)
            this.loseWorker(
              `The training worker failed: a call to it was refused (${(error as Error)?.message ?? error}); the next run starts a fresh one`,
            );
        },
      );
    }, this.pingIntervalMs);
  }

  private waitForBatches(state: RunState, total: number): Promise<number> {
    if (state.received >= total) return Promise.resolve(state.received);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        state.wake = undefined;
        resolve(state.received);
      };
      const timer = setTimeout(done, this.reconcileTimeoutMs);
      state.wake = () => {
        if (state.received >= total) done();
      };
    });
  }

  private loseWorker(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    const state = this.current;
    this.current = null;
    if (state) {
      clearTimeout(state.stopTimer);
      state.lose(new FitscopeError(ERROR_NAMES.workerLost, message));
    }
  }
}

// Runs in the page (pure, no React). The one way the run book reaches React: a store that components read with
// useSyncExternalStore (hooks/use-run-store.ts). It publishes immutable snapshots under one pacing rule:
// - a run's events (a run added, removed or changed: the book's revision) are published at once, with no wait
//   for a frame, so a run's start and end show even in a tab that gets no animation frames;
// - streamed rows are published at the next animation frame at least `minIntervalMs` after the previous rows'
//   publish: at most once a frame and a few times a second, whatever the batch rate. A hidden tab gets no
//   frames, so its rows wait in the book's bounded buffers and show on return.
// A snapshot's `data` is what the charts key their memoised views on; it changes only with a rows publish (or
// a new list of runs), so an event does not redraw the charts with rows that are not due yet.
import type { ClientRunResult } from '../../client/trainer-client';
import type { BackendInfo, ModeSummary } from '../../shared/metrics';
import type { RunBook, RunPhase, RunRecord } from './run-book';

/** The discrete state of the kept runs, as of the last event. */
export interface RunEvents {
  /** The book's revision when taken. */
  revision: number;
  runs: readonly RunRecord[];
  latest: RunRecord | null;
  /** The latest run's phase ('idle' before the first run and after every run was removed). */
  phase: RunPhase;
  backend: BackendInfo | null;
  result: ClientRunResult | null;
  error: unknown;
  /** The latest run's finished modes so far. */
  summaries: readonly ModeSummary[];
  /** Some run is streaming. */
  live: boolean;
}

/** The chart data's publish: a memo key for everything drawn from the runs' buffers. */
export interface ChartData {
  version: number;
  runs: readonly RunRecord[];
}

export interface RunSnapshot {
  /** Counts every publish. */
  version: number;
  events: RunEvents;
  data: ChartData;
  /** Training steps of the latest run at the last publish (events and rows alike). */
  received: number;
}

export interface StoreClock {
  now(): number;
  /** Calls back at the next animation frame; returns a cancel function. */
  frame(callback: () => void): () => void;
  /** Calls back after `ms`; returns a cancel function. */
  timer(callback: () => void, ms: number): () => void;
}

const browserClock: StoreClock = {
  now: () => performance.now(),
  frame: (callback) => {
    if (typeof requestAnimationFrame !== 'function') {
      const id = setTimeout(callback, 16);
      return () => clearTimeout(id);
    }
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  },
  timer: (callback, ms) => {
    const id = setTimeout(callback, ms);
    return () => clearTimeout(id);
  },
};

/** Fewest milliseconds between two publishes of streamed rows. */
export const ROWS_INTERVAL_MS = 250;

export interface RunStoreOptions {
  minIntervalMs?: number;
  clock?: StoreClock;
}

function takeEvents(book: RunBook): RunEvents {
  const latest = book.latest;
  return {
    revision: book.revision,
    runs: book.runs,
    latest,
    phase: latest?.phase ?? 'idle',
    backend: latest?.backend ?? null,
    result: latest?.result ?? null,
    error: latest?.error ?? null,
    summaries: latest?.summaries ?? [],
    live: book.runs.some((r) => r.busy),
  };
}

export class RunStore {
  private snapshot: RunSnapshot;
  private readonly listeners = new Set<() => void>();
  private unsubscribeBook: (() => void) | null = null;
  private cancelPending: (() => void) | null = null;
  private lastRows = -Infinity;
  private readonly minIntervalMs: number;
  private readonly clock: StoreClock;

  constructor(
    readonly book: RunBook,
    options: RunStoreOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? ROWS_INTERVAL_MS;
    this.clock = options.clock ?? browserClock;
    this.snapshot = { version: 0, events: takeEvents(book), data: { version: 0, runs: book.runs }, received: book.latest?.received ?? 0 };
  }

  /** For useSyncExternalStore: the same object until the next publish. */
  readonly getSnapshot = (): RunSnapshot => this.snapshot;

  /** The events alone: the same object until the next event. */
  readonly getEvents = (): RunEvents => this.snapshot.events;

  /**
   * For useSyncExternalStore. The store listens to the book only while someone listens to it, so a store that
   * React made and threw away (StrictMode renders twice) leaves nothing behind.
   */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.unsubscribeBook) {
      this.unsubscribeBook = this.book.subscribe(this.onBookChange);
      // The book may have moved while nobody listened: catch up now (React compares after subscribing).
      this.publish(true);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0 || !this.unsubscribeBook) return;
      this.unsubscribeBook();
      this.unsubscribeBook = null;
      this.cancelPending?.();
      this.cancelPending = null;
    };
  };

  private readonly onBookChange = (): void => {
    if (this.book.revision !== this.snapshot.events.revision) this.publish(false);
    else this.scheduleRows();
  };

  private scheduleRows(): void {
    if (this.cancelPending) return;
    const wait = this.lastRows + this.minIntervalMs - this.clock.now();
    const atFrame = () => {
      this.cancelPending = this.clock.frame(() => {
        this.cancelPending = null;
        this.lastRows = this.clock.now();
        this.publish(true);
      });
    };
    if (wait > 0) this.cancelPending = this.clock.timer(atFrame, wait);
    else atFrame();
  }

  /** A new snapshot: the events as they stand, and the rows too when `rows` (or when the list of runs changed). */
  private publish(rows: boolean): void {
    const previous = this.snapshot;
    const events =
      this.book.revision === previous.events.revision && this.book.runs === previous.events.runs ? previous.events : takeEvents(this.book);
    const newRows = rows || events.runs !== previous.data.runs;
    this.snapshot = {
      version: previous.version + 1,
      events,
      data: newRows ? { version: previous.data.version + 1, runs: events.runs } : previous.data,
      received: this.book.latest?.received ?? 0,
    };
    for (const listener of [...this.listeners]) listener();
  }
}

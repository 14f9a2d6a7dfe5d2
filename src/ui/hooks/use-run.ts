// Runs in the page. The runs the page keeps, through the trainer client one at a time. Metrics go straight into
// the run book's bounded buffers (no React state per batch); the book's changes reach the charts through a
// frame throttle (at most one render per animation frame and per FRAME_INTERVAL_MS), while the few discrete
// events — start, backend, a mode's end, the result, a failure — re-render the page's owner straight away.
// All of these renders are transitions, which React renders in slices (see use-frame.ts).
import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { RunConfig } from '../../shared/config';
import type { CsvFile, CsvInspection } from '../../shared/csv';
import type { BackendInfo, ModeSummary } from '../../shared/metrics';
import { TrainerClient, type ClientRunResult } from '../../client/trainer-client';
import { RunBook, type RunPhase, type RunRecord } from '../chart-data/run-book';
import { FrameThrottle } from './frame-throttle';

/** Fewest milliseconds between re-renders of the results while a run streams. */
export const FRAME_INTERVAL_MS = 100;

export interface RunView {
  /** Of the latest run ('idle' before the first, and after every run was removed). */
  phase: RunPhase;
  backend: BackendInfo | null;
  result: ClientRunResult | null;
  error: unknown;
  /** The latest run's finished modes so far. */
  summaries: readonly ModeSummary[];
  /** The latest run's record, null before the first run. */
  latest: RunRecord | null;
  /** Every kept run, and the per-frame signal of their changes. */
  book: RunBook;
  frames: FrameThrottle;
  /** Starts a run; `csv` is the user's file when config.dataset is 'csv'. */
  start(config: RunConfig, csv?: CsvFile): void;
  /** Reads a CSV file in the worker for the preview. */
  inspectCsv(csv: CsvFile): Promise<CsvInspection>;
  stop(): void;
  /** Removes a finished run from charts and table. */
  remove(runId: number): void;
  /** Removes every finished run. */
  reset(): void;
}

export function useRun(): RunView {
  const client = useRef<TrainerClient | null>(null);
  const [book] = useState(() => new RunBook());
  // Ten times a second is live enough for progress and charts (each chart is paced to four times a second),
  // and leaves the cores to the training it measures.
  const [frames] = useState(() => new FrameThrottle(book, { minIntervalMs: FRAME_INTERVAL_MS }));
  // Discrete events re-render the owner now; per-batch changes wait for a frame (useFrame).
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => () => frames.dispose(), [frames]);

  const start = useCallback(
    (config: RunConfig, csv?: CsvFile) => {
      client.current ??= new TrainerClient();
      if (client.current.running) return;
      const run = book.add(config, performance.now());
      // A run's events re-render most of the page: as transitions, which React renders in slices of a few
      // milliseconds rather than in one task (a mode's end and the run's start were long tasks otherwise).
      // book.changed() counts a new revision: the runs panel and the summary table redraw on it.
      const event = (change: () => void) => {
        change();
        book.changed();
        startTransition(bump);
      };
      startTransition(bump);
      client.current
        .run(config, {
          onMetrics: (metrics) => book.append(run, metrics),
          onBackend: (backend) => event(() => (run.backend = backend)),
          onModeEnd: (summary) => event(() => run.addSummary(summary)),
        }, config.dataset === 'csv' ? csv : undefined)
        .then(
          (result) =>
            event(() => {
              run.result = result;
              run.backend = result.backend;
              run.machine = result.machine ?? null;
              run.summaries = result.summaries;
              run.phase = 'done';
              run.endedAt = performance.now();
            }),
          (error: unknown) =>
            event(() => {
              run.error = error;
              run.phase = 'failed';
              run.endedAt = performance.now();
            }),
        );
    },
    [book],
  );

  const inspectCsv = useCallback((csv: CsvFile) => {
    client.current ??= new TrainerClient();
    return client.current.inspectCsv(csv);
  }, []);

  const stop = useCallback(() => {
    const run = book.latest;
    if (!client.current?.running || !run || run.phase !== 'running') return;
    client.current.stop();
    run.phase = 'stopping';
    run.stopRequestedAt = performance.now();
    book.changed();
    bump();
  }, [book]);

  const remove = useCallback(
    (runId: number) => {
      if (book.remove(runId)) bump();
    },
    [book],
  );

  const reset = useCallback(() => {
    book.clear();
    bump();
  }, [book]);

  const latest = book.latest;
  return {
    phase: latest?.phase ?? 'idle',
    backend: latest?.backend ?? null,
    result: latest?.result ?? null,
    error: latest?.error ?? null,
    summaries: latest?.summaries ?? [],
    latest,
    book,
    frames,
    start,
    inspectCsv,
    stop,
    remove,
    reset,
  };
}

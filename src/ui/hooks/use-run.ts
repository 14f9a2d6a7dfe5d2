// Runs in the page. The runs the page keeps, through the trainer client one at a time. Metrics go straight into
// the run book's bounded buffers (no React state per batch); everything React shows of the book comes through
// one run store (chart-data/run-store.ts): the few discrete events — start, backend, a mode's end, the result,
// a failure — at once, streamed rows at most once a frame and a few times a second.
import { useCallback, useRef, useState } from 'react';
import type { RunConfig } from '../../shared/config';
import type { CsvFile, CsvInspection } from '../../shared/csv';
import type { BackendInfo, ModeSummary } from '../../shared/metrics';
import { TrainerClient, type ClientRunResult } from '../../client/trainer-client';
import { RunBook, type RunPhase, type RunRecord } from '../chart-data/run-book';
import { RunStore } from '../chart-data/run-store';
import { useRunEvents } from './use-run-store';

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
  /** Every kept run, and the store that paces their changes for React. */
  book: RunBook;
  store: RunStore;
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
  const [store] = useState(() => new RunStore(book));
  // The owner re-renders on events only; the streamed rows re-render the charts and counters that read them.
  const events = useRunEvents(store);

  const start = useCallback(
    (config: RunConfig, csv?: CsvFile) => {
      client.current ??= new TrainerClient();
      if (client.current.running) return;
      const run = book.add(config, performance.now());
      // book.changed() counts a new revision, which the store publishes at once.
      const event = (change: () => void) => {
        change();
        book.changed();
      };
      client.current
        .run(
          config,
          {
            onMetrics: (metrics) => book.append(run, metrics),
            onBackend: (backend) => event(() => (run.backend = backend)),
            onModeEnd: (summary) => event(() => run.addSummary(summary)),
          },
          config.dataset === 'csv' ? csv : undefined,
        )
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
    if (!client.current?.running || !book.requestStop(performance.now())) return;
    client.current.stop();
  }, [book]);

  const remove = useCallback((runId: number) => void book.remove(runId), [book]);
  const reset = useCallback(() => book.clear(), [book]);

  return {
    phase: events.phase,
    backend: events.backend,
    result: events.result,
    error: events.error,
    summaries: events.summaries,
    latest: events.latest,
    book,
    store,
    start,
    inspectCsv,
    stop,
    remove,
    reset,
  };
}

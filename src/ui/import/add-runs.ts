// Runs in the page (pure, no React). Checked runs (result-schema.ts) into the run book as kept, finished runs:
// traces rebuilt from their per-batch rows where the file has them, summaries, verdicts and machine as the
// file says, and where they came from (imported, reference, or a run of this page restored from storage).
import type { ClientRunResult } from '../../client/trainer-client';
import type { ModeName } from '../../shared/config';
import type { RunBook, RunOrigin, RunRecord } from '../chart-data/run-book';
import type { ImportedRun } from './result-schema';

function resultOf(record: RunRecord, run: ImportedRun): ClientRunResult {
  const timed = run.summaries.filter((s) => !s.refused);
  const batchCounts: Partial<Record<ModeName, number>> = Object.fromEntries(timed.map((s) => [s.mode, s.batches]));
  const totalBatches = timed.reduce((sum, s) => sum + s.batches, 0);
  return {
    runId: record.id,
    backend: run.backend ?? { active: run.summaries[0]?.backend ?? 'cpu', requested: run.config.backend, fallbacks: [] },
    ...(run.machine ? { machine: run.machine } : {}),
    summaries: run.summaries,
    comparisons: run.comparisons,
    noise: run.noise,
    notices: run.notices,
    batchCounts,
    totalBatches,
    stopped: run.stopped,
    // What the page holds is what the file holds: nothing is still on its way.
    receivedBatches: totalBatches,
  };
}

/** Adds one checked run; `now` is the page clock (performance.now()). */
export function addRun(book: RunBook, run: ImportedRun, origin: RunOrigin, now: number): RunRecord {
  const record = book.add(run.config, now);
  record.origin = origin;
  if (run.rows && run.rows.count > 0) book.append(record, run.rows);
  record.log.dropped += run.batchesNotKept;
  record.backend = run.backend;
  record.machine = run.machine;
  record.summaries = run.summaries;
  record.result = resultOf(record, run);
  record.phase = 'done';
  // Elapsed time as the runs panel shows it: the modes' own wall time.
  record.endedAt = now + run.summaries.reduce((sum, s) => sum + (Number.isFinite(s.totalMs) ? s.totalMs : 0), 0);
  if (run.engine) record.engine = run.engine;
  book.changed();
  return record;
}

export function addRuns(book: RunBook, runs: readonly ImportedRun[], origin: RunOrigin, now: number): RunRecord[] {
  return runs.map((run) => addRun(book, run, origin, now));
}

/**
 * Resolves once no run of the book is going. Runs from elsewhere are added after the kept ones, and a run
 * still going must stay the latest (Stop and the page's status follow the latest run).
 */
export function whenNoRunIsBusy(book: RunBook): Promise<void> {
  if (!book.runs.some((r) => r.busy)) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = book.subscribe(() => {
      if (book.runs.some((r) => r.busy)) return;
      unsubscribe();
      resolve();
    });
  });
}

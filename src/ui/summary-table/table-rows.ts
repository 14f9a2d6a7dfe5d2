// Runs in the page (pure). The summary table's rows across every kept run: one per mode that finished (or was
// refused), with the ratios the table adds to ModeSummary: time per sample against the fastest row (runs may
// differ in batch size, so per sample is the fair unit), and the engine's vsLoop (against the loop of the same
// run).
import type { ModeSummary } from '../../shared/metrics';
import { traceLabel } from '../chart-data/labels';
import type { RunRecord } from '../chart-data/run-book';

export interface TableRow {
  key: string;
  runId: number;
  label: string;
  color: string;
  dataset: string;
  summary: ModeSummary;
  /** Median time per sample over the fastest row's; NaN for refused modes. */
  vsFastest: number;
  /** Last per-epoch validation accuracy (classification), NaN where none. */
  valAccuracy: number;
}

const perSample = (s: ModeSummary) => s.msPerBatchMedian / Math.max(1, s.batchSize);

export function tableRows(runs: readonly RunRecord[]): TableRow[] {
  const several = runs.length > 1;
  const rows: TableRow[] = [];
  for (const run of runs) {
    for (const trace of run.traces) {
      const summary = run.summary(trace.mode);
      if (!summary) continue;
      const lastVal = [...trace.validation].reverse().find((v) => Number.isFinite(v.valAccuracy));
      rows.push({
        key: trace.key, runId: run.id, label: traceLabel(run, trace.mode, several), color: trace.color, dataset: run.config.dataset,
        summary, vsFastest: NaN, valAccuracy: lastVal?.valAccuracy ?? NaN,
      });
    }
  }
  const timed = rows.filter((r) => !r.summary.refused && Number.isFinite(perSample(r.summary)) && perSample(r.summary) > 0);
  const fastest = Math.min(...timed.map((r) => perSample(r.summary)));
  for (const r of timed) r.vsFastest = perSample(r.summary) / fastest;
  return rows;
}

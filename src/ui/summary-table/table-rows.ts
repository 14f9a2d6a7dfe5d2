// Runs in the page (pure). The summary table's rows across every kept run: one per mode that finished (or was
// refused). Ratios are the engine's, within each run (vsLoop, vsFastest, with their intervals).
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
  /** Last per-epoch validation accuracy (classification), NaN where none. */
  valAccuracy: number;
}

export function tableRows(runs: readonly RunRecord[]): TableRow[] {
  const several = runs.length > 1;
  const rows: TableRow[] = [];
  for (const run of runs) {
    for (const trace of run.traces) {
      const summary = run.summary(trace.mode);
      if (!summary) continue;
      const lastVal = [...trace.validation].reverse().find((v) => Number.isFinite(v.valAccuracy));
      rows.push({
        key: trace.key,
        runId: run.id,
        label: traceLabel(run, trace.mode, several),
        color: trace.color,
        dataset: run.config.dataset,
        summary,
        valAccuracy: lastVal?.valAccuracy ?? NaN,
      });
    }
  }
  return rows;
}

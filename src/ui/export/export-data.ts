// Runs in the page (pure). The exports' contents: per-batch CSV (one row per batch received, every kept run),
// summary CSV (one row per mode) and one JSON document with everything, including each run's config. NaN and
// missing values are empty cells in CSV and null in JSON.
import { MODE_NAMES } from '../../shared/config';
import { SUMMARY_EXTRA_FIELDS, SUMMARY_FIELDS, type ModeSummary } from '../../shared/metrics';
import { runBackend, runSamples } from '../chart-data/labels';
import type { RunRecord } from '../chart-data/run-book';
import { tableRows } from '../summary-table/table-rows';
import { COL, METRIC_COLUMNS } from '../../shared/metric-row';

const RUN_COLUMNS = ['run', 'backend', 'dataset', 'samples', 'batchSize'] as const;
/** Per-batch columns of the exports: the metric row's, then the page's running step count and time per mode. */
export const EXPORT_COLUMNS = [...METRIC_COLUMNS, 'step', 'timeMs'] as const;
export const BATCH_CSV_HEADER = [...RUN_COLUMNS, ...EXPORT_COLUMNS];
export const SUMMARY_CSV_HEADER = ['run', 'dataset', ...SUMMARY_FIELDS, ...SUMMARY_EXTRA_FIELDS, 'vsFastest'];

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: unknown[]) => cells.map(csvCell).join(',');

/** A run's logged records as export cells (mode by name, NaN as null), with the running step and time per mode and repeat. */
function* logRecords(run: RunRecord): Generator<(number | string | null)[]> {
  const totals = new Map<string, { step: number; timeMs: number }>();
  for (let r = 0; r < run.log.count; r++) {
    const v = (c: number) => run.log.value(r, c);
    const key = `${v(COL.repeat)}:${v(COL.mode)}`;
    const total = totals.get(key) ?? { step: 0, timeMs: 0 };
    totals.set(key, total);
    total.step += v(COL.steps);
    total.timeMs += v(COL.ms) * v(COL.steps);
    const cells = METRIC_COLUMNS.map((c, i) => (c === 'mode' ? MODE_NAMES[v(i)] : Number.isFinite(v(i)) ? v(i) : null));
    yield [...cells, total.step, total.timeMs];
  }
}

/** One row per record received, run by run, in arrival order. */
export function batchesCsv(runs: readonly RunRecord[]): string {
  const lines = [BATCH_CSV_HEADER.join(',')];
  for (const run of runs) {
    const fixed = [run.id, runBackend(run), run.config.dataset, runSamples(run), run.config.batchSize];
    for (const cells of logRecords(run)) lines.push(line([...fixed, ...cells]));
  }
  return `${lines.join('\n')}\n`;
}

export function summaryCsv(runs: readonly RunRecord[]): string {
  const lines = [SUMMARY_CSV_HEADER.join(',')];
  for (const row of tableRows(runs)) {
    const s = row.summary as unknown as Record<string, unknown>;
    lines.push(line([row.runId, row.dataset, ...[...SUMMARY_FIELDS, ...SUMMARY_EXTRA_FIELDS].map((f) => s[f]), row.vsFastest]));
  }
  return `${lines.join('\n')}\n`;
}

/** JSON.stringify keeps NaN as null already; Infinity too. This also drops undefined. */
const clean = (summary: ModeSummary) => JSON.parse(JSON.stringify(summary)) as Record<string, unknown>;

export function exportJson(runs: readonly RunRecord[], exportedAt: Date): string {
  const table = tableRows(runs);
  return JSON.stringify(
    {
      tool: 'fitscope',
      exportedAt: exportedAt.toISOString(),
      runs: runs.map((run) => {
        const batches: Record<string, (number | string | null)[]> = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, []]));
        for (const cells of logRecords(run)) EXPORT_COLUMNS.forEach((c, i) => batches[c].push(cells[i]));
        return {
          run: run.id,
          config: run.config,
          backend: run.backend,
          phase: run.phase,
          stopped: run.result?.stopped ?? false,
          notices: run.result?.notices ?? [],
          summaries: run.summaries.map((s) => ({ ...clean(s), vsFastest: table.find((t) => t.runId === run.id && t.summary.mode === s.mode)?.vsFastest ?? null })),
          batchCount: run.log.count,
          /** Batches past the page's per-run log cap: received, charted, not kept for export. */
          batchesNotKept: run.log.dropped,
          batches,
        };
      }),
    },
    (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
  );
}

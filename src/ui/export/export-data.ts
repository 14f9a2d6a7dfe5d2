// Runs in the page (pure). The exports' contents: per-batch CSV (one row per batch received, every kept run),
// summary CSV (one row per mode) and one JSON document with everything, including each run's config. NaN and
// missing values are empty cells in CSV and null in JSON.
import { MODE_NAMES } from '../../shared/config';
import { SUMMARY_EXTRA_FIELDS, SUMMARY_FIELDS, type ModeSummary } from '../../shared/metrics';
import { runBackend, runSamples } from '../chart-data/labels';
import type { RunRecord } from '../chart-data/run-book';
import { tableRows } from '../summary-table/table-rows';
import { BatchLog, LOG_COLUMNS } from './batch-log';

const RUN_COLUMNS = ['run', 'backend', 'dataset', 'samples', 'batchSize'] as const;
export const BATCH_CSV_HEADER = [...RUN_COLUMNS, ...LOG_COLUMNS];
export const SUMMARY_CSV_HEADER = ['run', 'dataset', ...SUMMARY_FIELDS, ...SUMMARY_EXTRA_FIELDS, 'vsFastest'];

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: unknown[]) => cells.map(csvCell).join(',');

const MODE_COLUMN = BatchLog.column('mode');

/** One row per batch received, run by run, in arrival order. */
export function batchesCsv(runs: readonly RunRecord[]): string {
  const lines = [BATCH_CSV_HEADER.join(',')];
  for (const run of runs) {
    const fixed = [run.id, runBackend(run), run.config.dataset, runSamples(run), run.config.batchSize];
    for (let r = 0; r < run.log.count; r++) {
      const cells: unknown[] = [...fixed];
      for (let c = 0; c < LOG_COLUMNS.length; c++) {
        const v = run.log.value(r, c);
        cells.push(c === MODE_COLUMN ? MODE_NAMES[v] : v);
      }
      lines.push(line(cells));
    }
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
        const batches: Record<string, (number | string | null)[]> = Object.fromEntries(LOG_COLUMNS.map((c) => [c, []]));
        for (let r = 0; r < run.log.count; r++) {
          LOG_COLUMNS.forEach((c, i) => {
            const v = run.log.value(r, i);
            batches[c].push(i === MODE_COLUMN ? MODE_NAMES[v] : Number.isFinite(v) ? v : null);
          });
        }
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

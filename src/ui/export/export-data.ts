// Runs in the page (pure). The exports' contents: per-batch CSV (one row per batch received, every kept run),
// summary CSV (one row per mode) and one JSON document with everything, including each run's config and the
// machine that made it. The JSON is the CLI's result document (src/cli/format-table.ts resultDocument: tool,
// format, runs with engine, config, backend, machine, notices, stopped, summaries, comparisons, noise) plus the
// per-batch columns, so one importer (src/ui/import) reads both. NaN and missing values are empty cells in CSV
// and null in JSON.
import { MODE_NAMES } from '../../shared/config';
import { describeMachine } from '../../shared/machine';
import { SUMMARY_EXTRA_FIELDS, SUMMARY_FIELDS, type ModeSummary } from '../../shared/metrics';
import { runBackend, runSamples } from '../chart-data/labels';
import type { RunRecord } from '../chart-data/run-book';
import { tableRows } from '../summary-table/table-rows';
import { COL, METRIC_COLUMNS } from '../../shared/metric-row';

const RUN_COLUMNS = ['run', 'backend', 'dataset', 'samples', 'batchSize'] as const;
/** Per-batch columns of the exports: the metric row's, then the page's running step count and time per mode. */
export const EXPORT_COLUMNS = [...METRIC_COLUMNS, 'step', 'timeMs'] as const;
export const BATCH_CSV_HEADER = [...RUN_COLUMNS, ...EXPORT_COLUMNS];
export const SUMMARY_CSV_HEADER = ['run', 'dataset', ...SUMMARY_FIELDS, ...SUMMARY_EXTRA_FIELDS, 'machine'];
/** The result document's format number, shared with the CLI's; an importer refuses others. */
export const RESULT_FORMAT = 1;
/** What made a run on this page (the CLI names its tfjs version; the page cannot import tfjs to ask). */
export const PAGE_ENGINE = 'fitscope (TensorFlow.js in the browser)';

/** What ran a kept run: the imported file's engine where it named one, else this page. */
export function runEngine(run: RunRecord): string {
  return run.engine ?? PAGE_ENGINE;
}

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
    const run = runs.find((r) => r.id === row.runId);
    const machine = run?.machine ? describeMachine(run.machine) : '';
    lines.push(line([row.runId, row.dataset, ...[...SUMMARY_FIELDS, ...SUMMARY_EXTRA_FIELDS].map((f) => s[f]), machine]));
  }
  return `${lines.join('\n')}\n`;
}

/** JSON.stringify keeps NaN as null already; Infinity too. This also drops undefined. */
const clean = (summary: ModeSummary) => JSON.parse(JSON.stringify(summary)) as Record<string, unknown>;

/** The per-batch columns of a run's log, column by column (mode by name, NaN as null). */
export function batchColumns(run: RunRecord): Record<string, (number | string | null)[]> {
  const batches: Record<string, (number | string | null)[]> = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, []]));
  for (const cells of logRecords(run)) EXPORT_COLUMNS.forEach((c, i) => batches[c].push(cells[i]));
  return batches;
}

/** A run as the result document holds it, without its per-batch columns (the store keeps those as numbers). */
export function runFacts(run: RunRecord) {
  return {
    run: run.id,
    engine: runEngine(run),
    config: run.config,
    backend: run.backend,
    ...(run.machine ? { machine: run.machine } : {}),
    phase: run.phase,
    stopped: run.result?.stopped ?? false,
    notices: run.result?.notices ?? [],
    summaries: run.summaries.map(clean),
    comparisons: run.result?.comparisons ?? [],
    noise: run.result?.noise ?? null,
    batchCount: run.log.count,
    /** Batches past the page's per-run log cap: received, charted, not kept for export. */
    batchesNotKept: run.log.dropped,
  };
}

/** NaN and ±Infinity as null, as the CLI writes them. */
export const finiteOrNull = (_key: string, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value);

export function exportJson(runs: readonly RunRecord[], exportedAt: Date): string {
  return JSON.stringify(
    {
      tool: 'fitscope',
      format: RESULT_FORMAT,
      exportedAt: exportedAt.toISOString(),
      runs: runs.map((run) => ({
        ...runFacts(run),
        batches: batchColumns(run),
      })),
    },
    finiteOrNull,
  );
}

// Runs in Node. Summaries as an aligned text table.
import { SUMMARY_EXTRA_FIELDS, SUMMARY_FIELDS, type ModeSummary } from '../shared/metrics';

function formatCell(value: unknown): string {
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return '–';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

/** One row per mode with SUMMARY_FIELDS; a refused mode's row is followed by why. */
export function formatTable(summaries: readonly ModeSummary[]): string {
  const rows = [SUMMARY_FIELDS as readonly string[], ...summaries.map((s) => SUMMARY_FIELDS.map((f) => formatCell(s[f])))];
  const widths = SUMMARY_FIELDS.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const table = rows.map((r) => r.map((cell, c) => (c === 0 || c === 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  const refusals = summaries.filter((s) => s.refused).map((s) => `! ${s.refused}`);
  return [...table, ...refusals].join('\n');
}

/**
 * JSON summaries: SUMMARY_FIELDS then SUMMARY_EXTRA_FIELDS, in that order, plus `adapter` when the backend has
 * one. NaN (no timing: a refused mode, or no loop to compare with) becomes null; `refused` is null for a mode that ran.
 */
export function summariesToJson(summaries: readonly ModeSummary[], adapter?: string): Record<string, unknown>[] {
  return summaries.map((s) => ({
    ...Object.fromEntries([...SUMMARY_FIELDS, ...SUMMARY_EXTRA_FIELDS].map((f) => [f, s[f] ?? null])),
    ...(adapter ? { adapter } : {}),
  }));
}

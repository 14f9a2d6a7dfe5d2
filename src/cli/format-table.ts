// Runs in Node. Summaries as an aligned text table.
import { SUMMARY_FIELDS, type ModeSummary } from '../shared/metrics';

function formatCell(value: unknown): string {
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return '–';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

export function formatTable(summaries: readonly ModeSummary[]): string {
  const rows = [SUMMARY_FIELDS as readonly string[], ...summaries.map((s) => SUMMARY_FIELDS.map((f) => formatCell(s[f])))];
  const widths = SUMMARY_FIELDS.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 || c === 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

/** JSON summaries with exactly SUMMARY_FIELDS, in that order. NaN (no batches) becomes null. */
export function summariesToJson(summaries: readonly ModeSummary[]): Record<string, unknown>[] {
  return summaries.map((s) => Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, s[f]])));
}

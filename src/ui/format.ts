// Runs in the page (pure). Number formatting shared by charts and the summary table; bytes are formatted as
// the CLI does.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatInt(value: number): string {
  return Number.isFinite(value) ? integer.format(value) : '–';
}

/** Three significant digits, without switching to exponents for everyday magnitudes. */
export function formatSig(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(digits - 1);
  if (abs >= 10 ** digits) return formatInt(value);
  return Number(value.toPrecision(digits)).toString();
}

/** A fraction as a percentage with one decimal: 0.912 → "91.2 %" (accuracies in the table and the insights). */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : '–';
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms >= 10_000 ? `${formatSig(ms / 1000)} s` : `${formatSig(ms)} ms`;
}

/** A time with its interval, as the table and the insights both write it: "1.5 ms (1.4–1.62)". */
export function formatTimeInterval(ms: number, low: number, high: number): string {
  const interval = Number.isFinite(low) && Number.isFinite(high) ? ` (${formatSig(low)}–${formatSig(high)})` : '';
  return `${formatMs(ms)}${interval}`;
}

export { formatBytes } from '../shared/format';

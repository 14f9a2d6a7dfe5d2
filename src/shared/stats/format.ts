// Runs everywhere. Number wording for verdicts: 2–3 significant digits, a space before %, as on the page.

/** A factor such as 1.42, 12.3 or 143 (three significant digits below 100, whole numbers above). */
export function formatFactor(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '–';
  if (x < 10) return x.toFixed(2);
  if (x < 100) return x.toFixed(1);
  return String(Math.round(x));
}

/** A fraction as a percentage with up to `digits` significant digits: 0.95 → "95 %", 0.025 → "2.5 %". */
export function formatPercent(fraction: number, digits = 3): string {
  if (!Number.isFinite(fraction)) return '–';
  return `${Number((fraction * 100).toPrecision(digits))} %`;
}

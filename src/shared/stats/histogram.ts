// Runs everywhere. A histogram with log-spaced bins: batch times are skewed (a long tail of slow batches),
// and on a log axis both the bulk and the tail stay readable.
import { assertInteger } from './checks';

export interface LogHistogram {
  /** bins + 1 increasing bin edges from the smallest to the largest positive value; empty when there is none. */
  edges: number[];
  /** Values per bin (bin i spans edges[i] ≤ v < edges[i + 1]; the last bin includes its upper edge). */
  counts: number[];
  /** Values left out because a log axis cannot show them: zero, negative or not finite (a coarse timer can read 0). */
  excluded: number;
}

/** When every value is the same, the range is widened by this factor each way so the bins have a width. */
const FLAT_RANGE_FACTOR = 1.05;

export function logHistogram(values: readonly number[], bins: number): LogHistogram {
  assertInteger(bins, 'bins', 1, 10_000);
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  const excluded = values.length - positive.length;
  if (positive.length === 0) return { edges: [], counts: [], excluded };
  // A loop, not Math.min(...values): spreading a million batch times overflows the call stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of positive) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === hi) {
    lo /= FLAT_RANGE_FACTOR;
    hi *= FLAT_RANGE_FACTOR;
  }
  const logLo = Math.log(lo);
  const logSpan = Math.log(hi) - logLo;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === 0 ? lo : i === bins ? hi : Math.exp(logLo + (logSpan * i) / bins)));
  const counts = new Array<number>(bins).fill(0);
  for (const v of positive) {
    const bin = Math.floor(((Math.log(v) - logLo) / logSpan) * bins);
    counts[Math.min(bins - 1, Math.max(0, bin))]++;
  }
  return { edges, counts, excluded };
}

// Runs everywhere. Order statistics: the same semantics as src/engine/stats.ts (nearest-rank quantile, midpoint
// median), plus versions over an already sorted typed array so callers that need several quantiles sort once.

/** A sorted copy as a Float64Array (typed-array sort is numeric and much faster than Array#sort with a comparator). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Nearest-rank quantile (q in [0, 1]) of a sorted array; NaN when it is empty. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
  return sorted[rank];
}

/** Median of a sorted array: the middle value, or the midpoint of the two middle values; NaN when empty. */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank quantile (q in [0, 1]) of an unsorted list; NaN for an empty list. */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantileOfSorted(sortedCopy(values), q);
}

/** Midpoint median of an unsorted list; NaN for an empty list. */
export function median(values: ArrayLike<number>): number {
  return medianOfSorted(sortedCopy(values));
}

/** Median absolute deviation from the median (unscaled); NaN for an empty list. */
export function medianAbsoluteDeviation(values: ArrayLike<number>): number {
  const center = median(values);
  const deviations = Float64Array.from(values, (v) => Math.abs(v - center));
  return medianOfSorted(deviations.sort());
}

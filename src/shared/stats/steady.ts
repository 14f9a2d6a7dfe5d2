// Runs everywhere. Steady-state numbers of one mode's batch times: what the page and the CLI report.
import { assertTimes } from './checks';
import { medianOfSorted, quantileOfSorted, sortedCopy } from './order-stats';
import { warmupBatches } from './warmup';

export interface SteadyStats {
  /** Leading batches left out as warm-up (see warmupBatches). */
  warmup: number;
  /** Batches the statistics below are taken over. */
  n: number;
  /** Midpoint median. */
  median: number;
  /** Nearest-rank 5th percentile. */
  p5: number;
  /** The median again (midpoint), so a box plot's middle line is the reported median. */
  p50: number;
  /** Nearest-rank 95th percentile. */
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** The five numbers of a box plot: whiskers at p5 and p95, box from p25 to p75, line at the median. */
export interface BoxPlot {
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** The batch times after the warm-up, in their original order. */
export function steadyBatches(batchMs: readonly number[]): number[] {
  return batchMs.slice(warmupBatches(batchMs));
}

/** Statistics over the batches after warm-up; every number is NaN when no batch is left. */
export function steadyStats(batchMs: readonly number[]): SteadyStats {
  const warmup = warmupBatches(batchMs);
  const sorted = sortedCopy(batchMs.slice(warmup));
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const middle = medianOfSorted(sorted);
  return {
    warmup,
    n,
    median: middle,
    p5: quantileOfSorted(sorted, 0.05),
    p50: middle,
    p95: quantileOfSorted(sorted, 0.95),
    mean: n ? sum / n : NaN,
    min: n ? sorted[0] : NaN,
    max: n ? sorted[n - 1] : NaN,
  };
}

/** Box-plot numbers of a list (nearest-rank percentiles, midpoint median); NaN everywhere for an empty list. */
export function boxPlot(values: readonly number[]): BoxPlot {
  assertTimes(values, 'values');
  const sorted = sortedCopy(values);
  return {
    p5: quantileOfSorted(sorted, 0.05),
    p25: quantileOfSorted(sorted, 0.25),
    p50: medianOfSorted(sorted),
    p75: quantileOfSorted(sorted, 0.75),
    p95: quantileOfSorted(sorted, 0.95),
  };
}

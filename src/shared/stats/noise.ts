// Runs everywhere. A noise meter per mode, and a warning when the noise is larger than the differences judged
// (another busy process, a background tab, a laptop changing its clock).
import { assertTimes } from './checks';
import { formatPercent } from './format';
import type { IntervalBasis } from './intervals';
import { medianOfSorted, quantileOfSorted, sortedCopy } from './order-stats';
import { assertRepeats, repeatMedians } from './repeats';
import { steadyBatches } from './steady';

export interface NoiseLevel {
  /** Relative spread: 0.12 means 12 %. NaN when there is nothing to measure. */
  value: number;
  /** 'repeats': max / min of the per-repeat medians − 1; 'batches': p95 / median − 1 of one run's steady batches. */
  basis: IntervalBasis;
}

/** How noisy one mode's measurement is (see NoiseLevel.basis for the two measures). */
export function noiseLevel(perRepeatBatchMs: readonly (readonly number[])[]): NoiseLevel {
  assertRepeats(perRepeatBatchMs, 'noiseLevel');
  const medians = repeatMedians(perRepeatBatchMs).filter((m) => !Number.isNaN(m));
  if (medians.length >= 2) {
    const lowest = Math.min(...medians);
    return { value: lowest > 0 ? Math.max(...medians) / lowest - 1 : NaN, basis: 'repeats' };
  }
  const steady = sortedCopy(perRepeatBatchMs.map((repeat) => steadyBatches(repeat)).find((s) => s.length > 0) ?? []);
  const middle = medianOfSorted(steady);
  return { value: middle > 0 ? quantileOfSorted(steady, 0.95) / middle - 1 : NaN, basis: 'batches' };
}

/**
 * One sentence when the noise exceeds the smallest relative difference being judged (e.g. 0.03 for the
 * equivalence margin, or |ratio − 1| of the closest pair of modes); null when it does not or cannot be told.
 */
export function noiseWarning(noise: NoiseLevel, smallestDifferenceJudged: number): string | null {
  assertTimes([smallestDifferenceJudged], 'smallest difference judged');
  if (!(noise.value > smallestDifferenceJudged)) return null;
  const spread =
    noise.basis === 'repeats'
      ? `The time per batch varied by ${formatPercent(noise.value, 2)} between repeats`
      : `Batch times spread by ${formatPercent(noise.value, 2)} (95th percentile over median)`;
  return `${spread}, more than the ${formatPercent(smallestDifferenceJudged, 2)} differences being judged: close other tabs and busy programs, or add repeats.`;
}

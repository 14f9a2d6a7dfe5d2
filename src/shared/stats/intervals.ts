// Runs everywhere. The interval of one mode's time per batch, and of the ratio of two modes', with the method
// chosen by what was measured:
// - one repeat (R = 1): a block bootstrap of the median over that run's steady batches (basis 'batches');
//   it sees only the noise within one run, so it can be too confident about differences between runs;
// - R ≥ 2 repeats: a Student t interval over the R per-repeat medians on the log scale (basis 'repeats');
//   for a ratio, over the R paired per-repeat ratios A_r / B_r, as tachometer pairs its differences: A and B of
//   one repeat ran close together in time, so pairing cancels slow drifts of the machine.
// Every repeat's warm-up (warmupBatches) is left out first.
import { bootstrapMedian, bootstrapMedianRatio, DEFAULT_LEVEL, type BootstrapOptions } from './bootstrap';
import { assertRepeats, logTInterval, repeatMedians } from './repeats';
import { steadyBatches } from './steady';

export type IntervalBasis = 'batches' | 'repeats';

export interface Interval {
  /** The median time per batch (batches), or the geometric mean of per-repeat medians or ratios (repeats). */
  estimate: number;
  /** Lower bound; NaN when there is too little data for an interval (see `n`). */
  low: number;
  /** Upper bound; NaN when there is too little data for an interval. */
  high: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  basis: IntervalBasis;
  /** Steady batches the interval rests on (the shorter side's, for a ratio), or repeats (pairs, for a ratio). */
  n: number;
}

export type IntervalOptions = BootstrapOptions;

/**
 * Interval of one mode's time per batch. `perRepeatBatchMs[r]` holds repeat r's batch times in ms, in order,
 * warm-up included. Repeats without steady batches are skipped; with one usable repeat the basis is 'batches'.
 */
export function modeInterval(perRepeatBatchMs: readonly (readonly number[])[], options: IntervalOptions = {}): Interval {
  assertRepeats(perRepeatBatchMs, 'modeInterval');
  const level = options.level ?? DEFAULT_LEVEL;
  const medians = repeatMedians(perRepeatBatchMs);
  const usable = medians.filter((m) => !Number.isNaN(m));
  if (usable.length >= 2) return { ...logTInterval(usable, level), basis: 'repeats', n: usable.length };
  const only = perRepeatBatchMs.map((repeat) => steadyBatches(repeat)).find((steady) => steady.length > 0) ?? [];
  return { ...bootstrapMedian(only, options), basis: 'batches', n: only.length };
}

/**
 * Interval of the ratio A / B of two modes' times per batch (above 1: A takes longer). Repeat r of A is paired
 * with repeat r of B; a repeat is used when both sides have steady batches (a run stopped early leaves its
 * unpaired repeats out). With one usable pair the basis is 'batches'.
 */
export function ratioInterval(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
  options: IntervalOptions = {},
): Interval {
  assertRepeats(a, 'ratioInterval (first mode)');
  assertRepeats(b, 'ratioInterval (second mode)');
  const level = options.level ?? DEFAULT_LEVEL;
  const pairs = Math.min(a.length, b.length);
  const mediansA = repeatMedians(a.slice(0, pairs));
  const mediansB = repeatMedians(b.slice(0, pairs));
  const usable = mediansA.flatMap((ma, r) => (Number.isNaN(ma) || Number.isNaN(mediansB[r]) ? [] : [r]));
  if (usable.length >= 2) {
    const ratios = usable.map((r) => mediansA[r] / mediansB[r]);
    return { ...logTInterval(ratios, level), basis: 'repeats', n: usable.length };
  }
  const steadyA = usable.length ? steadyBatches(a[usable[0]]) : [];
  const steadyB = usable.length ? steadyBatches(b[usable[0]]) : [];
  return { ...bootstrapMedianRatio(steadyA, steadyB, options), basis: 'batches', n: Math.min(steadyA.length, steadyB.length) };
}

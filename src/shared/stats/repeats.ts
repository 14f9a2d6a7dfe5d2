// Runs everywhere. Per-repeat medians, and the Student t interval built from them when a mode ran R ≥ 2 times.
//
// Why logs: times are positive and their spread grows with their size, so ratios, not differences, are what
// stays comparable across modes and machines. On the log scale a ratio is a difference, the t interval is
// symmetric, and exponentiating gives an interval for the geometric mean that can never go below zero.
import { assertLevel, assertTimes } from './checks';
import { median } from './order-stats';
import { steadyBatches } from './steady';
import { tQuantile } from './student-t';

export interface PointInterval {
  estimate: number;
  low: number;
  high: number;
  level: number;
}

/** Throws a clear message unless the argument is a list of repeats, each a list of batch times. */
export function assertRepeats(perRepeatBatchMs: unknown, name: string): asserts perRepeatBatchMs is readonly (readonly number[])[] {
  if (!Array.isArray(perRepeatBatchMs) || !perRepeatBatchMs.every((repeat) => Array.isArray(repeat))) {
    throw new TypeError(`${name} must be a list of repeats, each a list of batch times in ms`);
  }
  perRepeatBatchMs.forEach((repeat: number[], r) => assertTimes(repeat, `${name}, repeat ${r}: batch times`));
}

/** The median of each repeat's batches after its warm-up (NaN for a repeat without batches). */
export function repeatMedians(perRepeatBatchMs: readonly (readonly number[])[]): number[] {
  return perRepeatBatchMs.map((repeat) => median(steadyBatches(repeat)));
}

/**
 * Interval of the geometric mean of positive values (per-repeat medians, or paired per-repeat ratios):
 * mean of the logs ± t(level, R − 1) × their standard deviation / √R, exponentiated. The estimate is the
 * geometric mean. Bounds are NaN for fewer than two values or any value that is not finite and > 0.
 */
export function logTInterval(values: readonly number[], level: number): PointInterval {
  assertLevel(level);
  const count = values.length;
  const usable = count > 0 && values.every((v) => Number.isFinite(v) && v > 0);
  if (!usable) return { estimate: NaN, low: NaN, high: NaN, level };
  const logs = values.map(Math.log);
  const mean = logs.reduce((sum, v) => sum + v, 0) / count;
  if (count < 2) return { estimate: Math.exp(mean), low: NaN, high: NaN, level };
  const variance = logs.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (count - 1);
  const halfWidth = tQuantile(1 - (1 - level) / 2, count - 1) * Math.sqrt(variance / count);
  return { estimate: Math.exp(mean), low: Math.exp(mean - halfWidth), high: Math.exp(mean + halfWidth), level };
}

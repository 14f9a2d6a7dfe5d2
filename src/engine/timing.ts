// Runs in worker and Node. One estimator per question, computed once here and shown everywhere (table, bars,
// insights, CLI, JSON, embed): time per batch is the median of the steady batches (after warm-up), or with
// repeats the geometric mean of the repeats' medians, with its 95 % interval; samples/s derives from it. The
// ratios to the loop and to the fastest mode carry intervals and verdict words (src/shared/stats).
import type { ModeName } from '../shared/config';
import type { Comparison, ModeSummary, RunNoise, TimingFields } from '../shared/metrics';
import {
  boxPlot,
  formatPercent,
  logHistogram,
  modeInterval,
  noiseLevel,
  noiseWarning,
  quantile,
  ratioInterval,
  steadyBatches,
  steadyStats,
  verdict,
  EQUIVALENCE_MARGIN,
} from '../shared/stats';

/** Bins of the per-mode histogram of steady batch times (log-spaced). */
export const HISTOGRAM_BINS = 24;
/**
 * Within one run the noise meter is p95 / median of the batch times, which is wide even on a quiet machine:
 * it warns only above this (stalls from a background tab or a busy core), whatever the differences judged.
 */
export const SINGLE_RUN_NOISE_LIMIT = 0.5;

/** The timing fields of a summary from each repeat's batch times (warm-up included, in order). */
export function timingFields(perRepeatBatchMs: readonly (readonly number[])[], batchSize: number): TimingFields {
  const used = perRepeatBatchMs.filter((b) => b.length > 0);
  const pooled = used.flatMap(steadyBatches);
  const interval = used.length ? modeInterval(used) : null;
  const estimate = interval?.estimate ?? NaN;
  const box = pooled.length ? boxPlot(pooled) : null;
  return {
    msPerBatchMedian: estimate,
    msPerBatchLow: interval?.low ?? NaN,
    msPerBatchHigh: interval?.high ?? NaN,
    intervalBasis: interval?.basis ?? 'batches',
    msPerBatchP5: quantile(pooled, 0.05),
    msPerBatchP95: quantile(pooled, 0.95),
    warmupBatches: used.reduce((sum, b) => sum + steadyStats(b).warmup, 0),
    steadyBatches: pooled.length,
    samplesPerSec: estimate > 0 ? (batchSize * 1000) / estimate : NaN,
    msBox: box,
    msHistogram: pooled.length ? logHistogram(pooled, HISTOGRAM_BINS) : null,
    noise: used.length ? noiseLevel(used).value : NaN,
    noiseBasis: used.length >= 2 ? 'repeats' : 'batches',
  };
}

export interface ModeRuns {
  mode: ModeName;
  /** One entry per repeat that ran this mode, in repeat order. */
  batchMs: number[][];
}

const NO_RATIO = { estimate: NaN, low: NaN, high: NaN };

/**
 * Fills each summary's ratios (vsLoop, vsFastest with intervals and verdict kinds) from the repeats' batch
 * times, repeat r of one mode paired with repeat r of the other, and returns the verdict lines.
 */
export function compareModes(summaries: ModeSummary[], runs: readonly ModeRuns[]): Comparison[] {
  const byMode = new Map(runs.map((r) => [r.mode, r]));
  const timed = summaries.filter((s) => !s.refused && s.msPerBatchMedian > 0 && byMode.get(s.mode)?.batchMs.length);
  const fastest = timed.reduce<ModeSummary | null>((best, s) => (!best || s.msPerBatchMedian < best.msPerBatchMedian ? s : best), null);
  const loop = timed.find((s) => s.mode === 'loop') ?? null;
  const comparisons: Comparison[] = [];
  const compare = (a: ModeSummary, b: ModeSummary, against: Comparison['against']) => {
    const ra = byMode.get(a.mode)!;
    const rb = byMode.get(b.mode)!;
    const interval = ratioInterval(ra.batchMs, rb.batchMs);
    const words = verdict(interval, { a: a.mode, b: b.mode });
    comparisons.push({ mode: a.mode, other: b.mode, against, ...interval, verdict: words.kind, text: words.text });
    return { interval, words };
  };
  for (const s of summaries) {
    Object.assign(s, {
      vsLoop: NaN,
      vsLoopLow: NaN,
      vsLoopHigh: NaN,
      vsLoopVerdict: null,
      vsFastest: NaN,
      vsFastestLow: NaN,
      vsFastestHigh: NaN,
      vsFastestVerdict: null,
    });
    if (!timed.includes(s)) continue;
    if (loop) {
      const r = s === loop ? { interval: { ...NO_RATIO, estimate: 1, low: 1, high: 1 }, words: null } : compare(s, loop, 'loop');
      Object.assign(s, {
        vsLoop: r.interval.estimate,
        vsLoopLow: r.interval.low,
        vsLoopHigh: r.interval.high,
        vsLoopVerdict: r.words?.kind ?? null,
      });
    }
    if (fastest) {
      // Against the loop already said it when the loop is the fastest.
      const r =
        s === fastest
          ? { interval: { ...NO_RATIO, estimate: 1, low: 1, high: 1 }, words: null }
          : fastest === loop
            ? null
            : compare(s, fastest, 'fastest');
      const from = r ?? {
        interval: { estimate: s.vsLoop, low: s.vsLoopLow, high: s.vsLoopHigh },
        words: s.vsLoopVerdict ? { kind: s.vsLoopVerdict } : null,
      };
      Object.assign(s, {
        vsFastest: from.interval.estimate,
        vsFastestLow: from.interval.low,
        vsFastestHigh: from.interval.high,
        vsFastestVerdict: from.words?.kind ?? null,
      });
    }
  }
  return comparisons;
}

/** The run's noise meter: the noisiest mode's, and a warning when it is larger than the differences judged. */
export function runNoise(summaries: readonly ModeSummary[], comparisons: readonly Comparison[]): RunNoise {
  const noisy = summaries
    .filter((s) => Number.isFinite(s.noise))
    .reduce<ModeSummary | null>((worst, s) => (!worst || s.noise > worst.noise ? s : worst), null);
  if (!noisy) return { value: NaN, basis: 'batches', mode: null, warning: null };
  const basis = noisy.noiseBasis;
  if (basis === 'batches') {
    const busy = noisy.noise > SINGLE_RUN_NOISE_LIMIT;
    const warning = `${noisy.mode}: batch times spread by ${formatPercent(noisy.noise, 2)} (95th percentile over median), a sign of a busy machine (another program, a background tab): close them, or add repeats.`;
    return { value: noisy.noise, basis, mode: noisy.mode, warning: busy ? warning : null };
  }
  const gaps = comparisons.map((c) => Math.max(c.estimate, 1 / c.estimate) - 1).filter(Number.isFinite);
  const judged = Math.max(EQUIVALENCE_MARGIN, Math.min(...gaps, Infinity));
  const warning = noiseWarning({ value: noisy.noise, basis }, judged);
  return { value: noisy.noise, basis, mode: noisy.mode, warning: warning && `${noisy.mode}: ${warning}` };
}

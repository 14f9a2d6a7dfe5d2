// Runs everywhere. Percentile bootstrap intervals for the median of one mode's batch times, and for the ratio
// of two modes' medians, from a single run.
//
// Why blocks: consecutive batch times are correlated (clock boosts and throttling, garbage collection,
// a background process busy for a while), so neighbours carry less independent information than resampling
// single batches assumes, and an ordinary bootstrap gives intervals that are too narrow. A block bootstrap
// resamples runs of consecutive batches and keeps that short-range dependence. The circular variant
// (Politis & Romano 1992) wraps blocks around the end so every batch is drawn equally often; the block length
// ~ n^(1/3) is the usual order for estimating a distribution's spread (Hall, Horowitz & Jing 1995).
//
// Why fast: each resample's median is found by counting ranks, not by sorting: the batches are ranked once,
// and a resample counts how many of its values fall at each rank near the middle (see MedianResampler).
import { assertInteger, assertLevel, assertTimes } from './checks';
import { medianOfSorted } from './order-stats';
import { seededRandom } from './random';

export interface BootstrapOptions {
  /** Confidence level, default 0.95. */
  level?: number;
  /** Resamples, default BOOTSTRAP_RESAMPLES. */
  resamples?: number;
  /** Seed of the random source, default 1: the same inputs and seed give the same interval. */
  seed?: number;
}

export interface BootstrapInterval {
  estimate: number;
  low: number;
  high: number;
  level: number;
}

export const BOOTSTRAP_RESAMPLES = 1000;
export const DEFAULT_LEVEL = 0.95;
export const DEFAULT_SEED = 1;
/** Below this many batches a bootstrap distribution of the median is too coarse to mean anything: no interval. */
export const MIN_BOOTSTRAP_BATCHES = 8;

/** Block length of the circular block bootstrap for n batches: round(n^(1/3)), at least 1. */
export function blockLength(n: number): number {
  return Math.max(1, Math.round(Math.cbrt(n)));
}

/** The first index of value in a sorted array (its rank, shared by tied values). */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Draws the median of circular-block resamples of one series, reusing its buffers between draws.
 *
 * A resampled median almost always has a rank near the middle: the number of drawn values below the middle
 * has a standard deviation of at most √(n·block)/2. So only values whose rank lies within ±√(n·block) of the
 * middle are counted one by one; those below that window are counted per block from prefix sums, in one step.
 * A draw whose middle falls outside the window is counted again in full, so the window changes the speed
 * (about 4× for 10,000 batches), never the result.
 */
class MedianResampler {
  readonly estimate: number;
  private readonly n: number;
  private readonly sorted: Float64Array;
  /** rank[i]: rank of batch i % n, for i < n + block, so a block never wraps inside its loop. */
  private readonly rank: Int32Array;
  private readonly windowLow: number;
  private readonly windowHigh: number;
  /** belowBefore[i]: positions j < i (extended) whose rank is below the window. */
  private readonly belowBefore: Int32Array;
  /** The window-relative ranks of the extended positions whose rank lies in the window, in position order… */
  private readonly windowRanks: Int32Array;
  /** …and windowBefore[i]: how many of those positions are < i. */
  private readonly windowBefore: Int32Array;
  private readonly windowCounts: Int32Array;
  private readonly fullCounts: Int32Array;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;

  constructor(values: readonly number[]) {
    const n = values.length;
    this.n = n;
    this.sorted = Float64Array.from(values).sort();
    this.estimate = medianOfSorted(this.sorted);
    const block = blockLength(n);
    const extended = n + block;
    this.rank = new Int32Array(extended);
    for (let i = 0; i < n; i++) this.rank[i] = lowerBound(this.sorted, values[i]);
    for (let i = n; i < extended; i++) this.rank[i] = this.rank[i - n];
    const halfWidth = Math.ceil(Math.sqrt(n * block)) + 8;
    this.windowLow = Math.max(0, (n >> 1) - halfWidth);
    this.windowHigh = Math.min(n, (n >> 1) + halfWidth);
    this.belowBefore = new Int32Array(extended + 1);
    this.windowBefore = new Int32Array(extended + 1);
    const inWindow: number[] = [];
    for (let i = 0; i < extended; i++) {
      const r = this.rank[i];
      this.belowBefore[i + 1] = this.belowBefore[i] + (r < this.windowLow ? 1 : 0);
      if (r >= this.windowLow && r < this.windowHigh) inWindow.push(r - this.windowLow);
      this.windowBefore[i + 1] = inWindow.length;
    }
    this.windowRanks = Int32Array.from(inWindow);
    this.windowCounts = new Int32Array(this.windowHigh - this.windowLow);
    this.fullCounts = new Int32Array(n);
    const blocks = Math.ceil(n / block);
    this.starts = new Int32Array(blocks);
    this.lengths = new Int32Array(blocks).fill(block);
    if (blocks > 0) this.lengths[blocks - 1] = n - (blocks - 1) * block;
  }

  /** The median of one resample of n values: ceil(n / block) blocks with uniform circular starts. */
  draw(random: () => number): number {
    const { n, starts } = this;
    for (let b = 0; b < starts.length; b++) starts[b] = Math.floor(random() * n);
    const lowTarget = (n - 1) >> 1;
    const highTarget = n >> 1;
    const fromWindow = this.middleFromWindow(lowTarget, highTarget);
    if (!Number.isNaN(fromWindow)) return fromWindow;
    return (this.fromFullCount(lowTarget) + this.fromFullCount(highTarget)) / 2;
  }

  /** The mean of the low-th and high-th smallest resampled values, or NaN when either lies outside the window. */
  private middleFromWindow(low: number, high: number): number {
    const { starts, lengths, belowBefore, windowBefore, windowRanks, windowCounts, windowLow, sorted } = this;
    windowCounts.fill(0);
    let below = 0;
    for (let b = 0; b < starts.length; b++) {
      const start = starts[b];
      const end = start + lengths[b];
      below += belowBefore[end] - belowBefore[start];
      const last = windowBefore[end];
      for (let j = windowBefore[start]; j < last; j++) windowCounts[windowRanks[j]]++;
    }
    if (below > low) return NaN;
    let seen = below;
    let w = 0;
    while (w < windowCounts.length && seen + windowCounts[w] <= low) seen += windowCounts[w++];
    if (w === windowCounts.length) return NaN;
    const lowValue = sorted[windowLow + w];
    while (w < windowCounts.length && seen + windowCounts[w] <= high) seen += windowCounts[w++];
    if (w === windowCounts.length) return NaN;
    return (lowValue + sorted[windowLow + w]) / 2;
  }

  private fromFullCount(k: number): number {
    const { starts, lengths, fullCounts, rank } = this;
    fullCounts.fill(0);
    for (let b = 0; b < starts.length; b++) {
      const end = starts[b] + lengths[b];
      for (let i = starts[b]; i < end; i++) fullCounts[rank[i]]++;
    }
    let seen = 0;
    for (let r = 0; r < fullCounts.length; r++) {
      seen += fullCounts[r];
      if (seen > k) return this.sorted[r];
    }
    return NaN;
  }
}

/** The percentile interval of bootstrap statistics, widened if needed to contain the estimate. */
function percentileInterval(statistics: Float64Array, estimate: number, level: number): BootstrapInterval {
  statistics.sort();
  const b = statistics.length;
  const tail = (1 - level) / 2;
  const low = statistics[Math.max(0, Math.floor(tail * b))];
  const high = statistics[Math.min(b - 1, Math.ceil((1 - tail) * b) - 1)];
  // With few distinct values the percentiles can sit beside the estimate; an interval must contain it.
  return { estimate, low: Math.min(low, estimate), high: Math.max(high, estimate), level };
}

function readOptions(options: BootstrapOptions): Required<BootstrapOptions> {
  const { level = DEFAULT_LEVEL, resamples = BOOTSTRAP_RESAMPLES, seed = DEFAULT_SEED } = options;
  assertLevel(level);
  assertInteger(resamples, 'resamples', 10, 1_000_000);
  assertInteger(seed, 'seed', -(2 ** 31), 2 ** 32 - 1);
  return { level, resamples, seed };
}

const noInterval = (estimate: number, level: number): BootstrapInterval => ({ estimate, low: NaN, high: NaN, level });

/** Interval of the median of one series of batch times (low and high NaN below MIN_BOOTSTRAP_BATCHES). */
export function bootstrapMedian(values: readonly number[], options: BootstrapOptions = {}): BootstrapInterval {
  const { level, resamples, seed } = readOptions(options);
  assertTimes(values);
  const resampler = new MedianResampler(values);
  if (values.length < MIN_BOOTSTRAP_BATCHES) return noInterval(resampler.estimate, level);
  const random = seededRandom(seed);
  const statistics = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) statistics[r] = resampler.draw(random);
  return percentileInterval(statistics, resampler.estimate, level);
}

/**
 * Interval of median(a) / median(b) from one series each: both are resampled independently (they ran at
 * different times, so there is no pairing to keep). NaN bounds when either side is too short or b's median is 0.
 */
export function bootstrapMedianRatio(a: readonly number[], b: readonly number[], options: BootstrapOptions = {}): BootstrapInterval {
  const { level, resamples, seed } = readOptions(options);
  assertTimes(a);
  assertTimes(b);
  const numerator = new MedianResampler(a);
  const denominator = new MedianResampler(b);
  const estimate = numerator.estimate / denominator.estimate;
  if (a.length < MIN_BOOTSTRAP_BATCHES || b.length < MIN_BOOTSTRAP_BATCHES || !(denominator.estimate > 0))
    return noInterval(Number.isFinite(estimate) ? estimate : NaN, level);
  const random = seededRandom(seed);
  const statistics = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const bottom = denominator.draw(random);
    // A resampled median of 0 (a coarse timer) makes the ratio unbounded: count it as +∞, which the percentiles handle.
    const top = numerator.draw(random);
    statistics[r] = bottom > 0 ? top / bottom : Infinity;
  }
  return percentileInterval(statistics, estimate, level);
}

// Runs everywhere. The statistics behind fitscope's verdicts, in one import: warm-up, steady-state numbers,
// intervals of a mode's time per batch and of two modes' ratio, the verdict words, the ABBA run order and the
// noise meter. Pure functions; deterministic (bootstraps use a seeded random source, never Math.random).
export { quantile, median, medianAbsoluteDeviation } from './order-stats';
export { warmupBatches, WARMUP_MIN_SERIES, WARMUP_SPREADS, WARMUP_MIN_EXCESS, WARMUP_MAX_FRACTION, WARMUP_MAX_BATCHES } from './warmup';
export { steadyBatches, steadyStats, boxPlot, type SteadyStats, type BoxPlot } from './steady';
export { logHistogram, type LogHistogram } from './histogram';
export { tQuantile, normalQuantile } from './student-t';
export {
  bootstrapMedian,
  bootstrapMedianRatio,
  blockLength,
  BOOTSTRAP_RESAMPLES,
  DEFAULT_LEVEL,
  DEFAULT_SEED,
  MIN_BOOTSTRAP_BATCHES,
  type BootstrapOptions,
  type BootstrapInterval,
} from './bootstrap';
export { logTInterval, repeatMedians, type PointInterval } from './repeats';
export { modeInterval, ratioInterval, type Interval, type IntervalBasis, type IntervalOptions } from './intervals';
export { verdict, EQUIVALENCE_MARGIN, type Verdict, type VerdictKind, type RatioInterval } from './verdict';
export { repeatOrder } from './repeat-order';
export { noiseLevel, noiseWarning, type NoiseLevel } from './noise';
export { formatFactor, formatPercent } from './format';
export { seededRandom } from './random';

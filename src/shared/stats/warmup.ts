// Runs everywhere. How many leading batches are warm-up: kernel compilation, JIT, first allocations.
//
// The rule (deterministic, robust to a few slow batches later on):
// 1. A series shorter than WARMUP_MIN_SERIES batches has no warm-up: dropping would leave almost nothing.
// 2. Otherwise the first batch is always warm-up: it pays every first-use cost even when it does not look slow.
// 3. The steady state is the later half of the series: its median m and robust spread s = 1.4826 × MAD
//    (the MAD scaled to a standard deviation for normal data). Later batches are unaffected by warm-up.
// 4. The warm-up extends over the following batches while each is clearly slower than the steady state:
//    above m + max(WARMUP_SPREADS × s, WARMUP_MIN_EXCESS × m). Both terms matter: the spread term keeps
//    ordinary jitter out, the excess term keeps a very tight series from calling a 1 % slower batch warm-up.
//    The first batch that is not clearly slower ends it.
// 5. The warm-up never exceeds WARMUP_MAX_FRACTION of the batches nor WARMUP_MAX_BATCHES (but is at least
//    the one batch of step 2), so a series that is slow at the start for another reason still keeps its data.
import { assertTimes } from './checks';
import { median, medianAbsoluteDeviation } from './order-stats';

/** Series shorter than this have no warm-up batches. */
export const WARMUP_MIN_SERIES = 3;
/** A batch is clearly slower when it exceeds the steady median by this many robust standard deviations… */
export const WARMUP_SPREADS = 3;
/** …and by at least this fraction of the steady median. */
export const WARMUP_MIN_EXCESS = 0.2;
/** At most this fraction of the batches is warm-up… */
export const WARMUP_MAX_FRACTION = 0.1;
/** …and at most this many. */
export const WARMUP_MAX_BATCHES = 50;
/** Scales a MAD to the standard deviation it estimates for normal data. */
const MAD_TO_SD = 1.4826;

/** The number of leading batches to leave out of steady-state statistics (see the rule above). */
export function warmupBatches(batchMs: readonly number[]): number {
  assertTimes(batchMs);
  const n = batchMs.length;
  if (n < WARMUP_MIN_SERIES) return 0;
  const steady = batchMs.slice(n >> 1);
  const center = median(steady);
  const threshold = center + Math.max(WARMUP_SPREADS * MAD_TO_SD * medianAbsoluteDeviation(steady), WARMUP_MIN_EXCESS * center);
  const cap = Math.max(1, Math.min(WARMUP_MAX_BATCHES, Math.floor(n * WARMUP_MAX_FRACTION)));
  let warmup = 1;
  while (warmup < cap && batchMs[warmup] > threshold) warmup++;
  return warmup;
}

// Runs everywhere. The words for a ratio interval A / B, with an equivalence margin (as in TOST).
//
// The margin is symmetric on the log scale: equivalent means the whole interval lies in
// [1 / (1 + margin), 1 + margin], so "A is 3 % slower than B" and "B is 3 % slower than A" are the same
// distance from 1, and swapping the two modes never changes the verdict, only the wording.
// - different: the whole interval lies outside that range (so it also excludes 1);
// - equivalent: the whole interval lies inside it;
// - inconclusive: anything else, including an interval that excludes 1 but reaches into the margin.
// A different verdict names the slower mode first, so the factor is always ≥ 1:
// "fit takes 1.42× as long as loop (95 % CI 1.38–1.47)".
import { formatFactor, formatPercent } from './format';

/** Default equivalence margin: differences within ±3 % count as no difference. */
export const EQUIVALENCE_MARGIN = 0.03;

export type VerdictKind = 'different' | 'equivalent' | 'inconclusive';

export interface Verdict {
  kind: VerdictKind;
  /** One line for the page and the CLI. */
  text: string;
}

/** What verdict needs of an interval: A / B with its bounds and level. */
export interface RatioInterval {
  estimate: number;
  low: number;
  high: number;
  level: number;
}

/** The verdict on a ratio interval of names.a's time over names.b's. */
export function verdict(ratio: RatioInterval, names: { a: string; b: string }, margin = EQUIVALENCE_MARGIN): Verdict {
  if (!(margin >= 0 && Number.isFinite(margin)))
    throw new RangeError(`equivalence margin must be a finite fraction ≥ 0, got ${String(margin)}`);
  const { estimate, low, high, level } = ratio;
  if ([estimate, low, high].some(Number.isNaN) || !(low <= high)) return { kind: 'inconclusive', text: 'inconclusive: not enough data' };
  const upper = 1 + margin;
  const lower = 1 / upper;
  if (low > upper || high < lower) {
    const aSlower = estimate >= 1;
    const [slower, faster] = aSlower ? [names.a, names.b] : [names.b, names.a];
    const [factor, from, to] = aSlower ? [estimate, low, high] : [1 / estimate, 1 / high, 1 / low];
    return {
      kind: 'different',
      text: `${slower} takes ${formatFactor(factor)}× as long as ${faster} (${formatPercent(level)} CI ${formatFactor(from)}–${formatFactor(to)})`,
    };
  }
  if (low >= lower && high <= upper) return { kind: 'equivalent', text: `no measurable difference (within ±${formatPercent(margin)})` };
  return { kind: 'inconclusive', text: 'inconclusive: add repeats' };
}

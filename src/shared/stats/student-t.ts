// Runs everywhere. Quantiles of Student's t and the normal distribution, for confidence intervals.
// Computed by inverting the exact distribution functions (incomplete beta and gamma) by bisection: slower
// than a closed-form approximation, but accurate far past 1e-6 for every df and called only a few times
// per verdict. Above T_SERIES_DF degrees of freedom the Cornish–Fisher series in 1/df (Abramowitz & Stegun
// 26.7.5) takes over, where its error is about 1e-8 (p = 0.9995) or less.
import { gammaQ, incompleteBeta } from './special-functions';

const T_SERIES_DF = 1000;
const BISECTION_STEPS = 200;

/** P(Z > z) for a standard normal Z, z ≥ 0, accurate in the far tail. */
function normalUpperTail(z: number): number {
  return 0.5 * gammaQ(0.5, (z * z) / 2);
}

/** P(T > t) for Student's t with df degrees of freedom, t ≥ 0. */
function tUpperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** The x ≥ 0 where a decreasing upper-tail function equals tail (0 < tail ≤ 0.5). */
function invertUpperTail(upperTail: (x: number) => number, tail: number): number {
  let lo = 0;
  let hi = 1;
  while (upperTail(hi) > tail && hi < 1e300) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < BISECTION_STEPS && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (upperTail(mid) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function checkProbability(p: number): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must lie strictly between 0 and 1, got ${String(p)}`);
}

/** The p-quantile of the standard normal distribution, p in (0, 1). */
export function normalQuantile(p: number): number {
  checkProbability(p);
  if (p === 0.5) return 0;
  const z = invertUpperTail(normalUpperTail, Math.min(p, 1 - p));
  return p > 0.5 ? z : -z;
}

/** The p-quantile of Student's t with df > 0 degrees of freedom (df may be fractional or Infinity). */
export function tQuantile(p: number, df: number): number {
  checkProbability(p);
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${String(df)}`);
  if (p === 0.5) return 0;
  if (df > T_SERIES_DF) return cornishFisherT(normalQuantile(p), df);
  const t = invertUpperTail((x) => tUpperTail(x, df), Math.min(p, 1 - p));
  return p > 0.5 ? t : -t;
}

/** t quantile from the normal quantile z: the first four terms of the expansion in 1/df. */
function cornishFisherT(z: number, df: number): number {
  if (df === Infinity) return z;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

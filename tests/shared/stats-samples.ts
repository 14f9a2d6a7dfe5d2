// Seeded synthetic batch times for the statistics tests: log-normal (times are positive and right-skewed).
import { seededRandom } from '../../src/shared/stats';

/** A standard normal source from a seed (Box–Muller over the seeded uniform source). */
export function seededNormal(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** n log-normal batch times with the given median (ms) and log-scale spread. */
export function logNormalTimes(n: number, medianMs: number, spread: number, seed: number): number[] {
  const normal = seededNormal(seed);
  return Array.from({ length: n }, () => medianMs * Math.exp(spread * normal()));
}

/** R repeats of n batches each; every repeat is scaled by its own log-normal factor (run-to-run drift). */
export function repeatsOf(repeats: number, n: number, medianMs: number, spread: number, drift: number, seed: number): number[][] {
  const normal = seededNormal(seed ^ 0x5bd1e995);
  return Array.from({ length: repeats }, (_, r) => {
    const factor = Math.exp(drift * normal());
    return logNormalTimes(n, medianMs * factor, spread, seed * 31 + r);
  });
}

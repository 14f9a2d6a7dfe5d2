// Runs in worker and Node. Two-class toy sets in the plane, seeded per sample (sample i depends only on seed
// and i), so a generator can compute any of them on demand and a million samples cost no memory there.
import { gaussian, hashSeed, mulberry32 } from '../rng';
import type { RowReader } from './types';

export type PlaneSet = 'spirals' | 'circles' | 'xor';

const NOISE = { spirals: 0.08, circles: 0.08, xor: 0.05 } as const;

/** Writes sample i's two coordinates into x at offset and returns its class (0 or 1). */
function planeSample(set: PlaneSet, seed: number, i: number, x: Float32Array, offset: number): number {
  const uniform = mulberry32(hashSeed(seed ^ 0x2d5e7, i));
  const normal = gaussian(uniform);
  let cls: number;
  let a: number;
  let b: number;
  if (set === 'spirals') {
    cls = i % 2;
    const t = Math.sqrt(uniform());
    const angle = 3 * Math.PI * t + cls * Math.PI;
    [a, b] = [t * Math.cos(angle), t * Math.sin(angle)];
  } else if (set === 'circles') {
    cls = i % 2;
    const angle = 2 * Math.PI * uniform();
    const r = cls === 0 ? 0.5 * Math.sqrt(uniform()) : 0.8 + 0.2 * uniform();
    [a, b] = [r * Math.cos(angle), r * Math.sin(angle)];
  } else {
    [a, b] = [uniform() * 2 - 1, uniform() * 2 - 1];
    cls = a * b > 0 ? 0 : 1;
  }
  x[offset] = a + NOISE[set] * normal();
  x[offset + 1] = b + NOISE[set] * normal();
  return cls;
}

export function planeReader(set: PlaneSet, seed: number): RowReader {
  return {
    read(start, end) {
      const n = end - start;
      const x = new Float32Array(n * 2);
      const y = new Float32Array(n * 2);
      for (let i = 0; i < n; i++) y[i * 2 + planeSample(set, seed, start + i, x, i * 2)] = 1;
      return { x, y };
    },
  };
}

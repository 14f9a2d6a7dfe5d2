// Runs in worker and Node. Per-sample preprocessing in the generator, the kind a Keras data pipeline does:
// each pass scales every feature by a small random jitter and adds Gaussian noise. Real arithmetic (two
// normals per feature per pass), seeded so every mode reading the pipeline sees the same augmented batches.
import { gaussian, hashSeed, mulberry32 } from '../rng';
import type { Rows } from './types';

const JITTER = 0.05;
const NOISE = 0.05;

/** Returns augmented copies of the inputs (the source rows are never changed); targets are shared. */
export function augmentRows(rows: Rows, passes: number, seed: number): Rows {
  if (passes <= 0) return rows;
  const x = Float32Array.from(rows.x);
  const normal = gaussian(mulberry32(hashSeed(seed, 0xa06)));
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < x.length; i++) x[i] = x[i] * (1 + JITTER * normal()) + NOISE * normal();
  }
  return { x, y: rows.y };
}

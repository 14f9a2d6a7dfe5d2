// Runs in worker and Node. Initial weights made from the seed in plain JS (Glorot-uniform kernels, zero
// biases, as Keras' defaults), so every mode on every backend starts from the same numbers.
import type { Architecture } from './architecture';
import { hashSeed, mulberry32 } from './rng';

export interface WeightSet {
  /** [kernel, bias] per weighted layer, in the order tf.LayersModel.getWeights() uses. */
  shapes: number[][];
  values: Float32Array[];
}

export function initialWeights(seed: number, arch: Architecture): WeightSet {
  const uniform = mulberry32(hashSeed(seed, 0x5eed_1a7e));
  const values: Float32Array[] = [];
  arch.fans.forEach(([fanIn, fanOut], i) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const kernel = arch.weightShapes[2 * i].reduce((a, b) => a * b, 1);
    values.push(
      Float32Array.from({ length: kernel }, () => (uniform() * 2 - 1) * limit),
      new Float32Array(arch.weightShapes[2 * i + 1][0]),
    );
  });
  return { shapes: arch.weightShapes.map((s) => [...s]), values };
}

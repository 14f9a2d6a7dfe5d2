// Runs in worker and Node. Initial weights made from the seed in plain JS (Glorot-uniform kernels, zero
// biases, as Keras' Dense defaults), so every mode on every backend starts from the same numbers.
import { hashSeed, mulberry32 } from './rng';

export interface WeightSet {
  /** [kernel, bias] per Dense layer, in the order tf.LayersModel.getWeights() uses. */
  shapes: number[][];
  values: Float32Array[];
}

export function layerSizes(features: number, hidden: readonly number[], outputs: number): number[] {
  return [features, ...hidden, outputs];
}

export function initialWeights(seed: number, features: number, hidden: readonly number[], outputs: number): WeightSet {
  const uniform = mulberry32(hashSeed(seed, 0x5eed_1a7e));
  const sizes = layerSizes(features, hidden, outputs);
  const shapes: number[][] = [];
  const values: Float32Array[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const [fanIn, fanOut] = [sizes[i], sizes[i + 1]];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    shapes.push([fanIn, fanOut], [fanOut]);
    values.push(Float32Array.from({ length: fanIn * fanOut }, () => (uniform() * 2 - 1) * limit), new Float32Array(fanOut));
  }
  return { shapes, values };
}

export function weightBytes(weights: WeightSet): number {
  return weights.values.reduce((sum, v) => sum + v.byteLength, 0);
}

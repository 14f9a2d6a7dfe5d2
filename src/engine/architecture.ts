// Runs in worker and Node. The network as data: one list of layers with their output shapes and weight shapes.
// The Keras model, the hand-written forward pass, the seeded initial weights and the memory estimate are all
// derived from it, so they cannot drift apart.
import type { ModelKind } from '../shared/config';
import type { DataShape } from './data/types';

export type Activation = 'relu' | 'linear' | 'softmax';

export type LayerSpec =
  | { kind: 'reshape'; to: number[] }
  | { kind: 'conv'; filters: number; kernel: number; stride: number; inChannels: number; activation: Activation }
  | { kind: 'pool'; size: number }
  | { kind: 'flatten' }
  | { kind: 'dense'; units: number; inputs: number; activation: Activation };

export interface Layer {
  spec: LayerSpec;
  /** Output shape of one sample (no batch axis). */
  outShape: number[];
}

export interface Architecture {
  inputFeatures: number;
  layers: Layer[];
  /** [kernel, bias] per weighted layer, in tf.LayersModel.getWeights() order. */
  weightShapes: number[][];
  /** Glorot fan-in and fan-out of each kernel (biases start at zero). */
  fans: [number, number][];
}

/**
 * The CNN: Conv2D(8, 3×3, stride 2) → MaxPooling(2) → Conv2D(16, 3×3) → Flatten → Dense layers. Small on
 * purpose: tfjs' cpu backend runs convolutions as plain loops (~16 M multiply-adds a second here), and the
 * first layer's stride of 2 makes a 28×28 image 4× cheaper to train than stride 1 would.
 */
const CNN_BLOCKS = [
  { filters: 8, stride: 2, pool: true },
  { filters: 16, stride: 1, pool: false },
] as const;
const KERNEL = 3;

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

export function describeArchitecture(config: { hidden: readonly number[]; model: ModelKind }, shape: DataShape): Architecture {
  let current: number[] = [shape.features];
  const push = (spec: LayerSpec, outShape: number[]) => {
    layers.push({ spec, outShape });
    current = outShape;
  };
  const layers: Layer[] = [];
  if (config.model === 'cnn' && shape.image) {
    const [h, w, c] = shape.image;
    push({ kind: 'reshape', to: [h, w, c] }, [h, w, c]);
    for (const { filters, stride, pool } of CNN_BLOCKS) {
      const [ih, iw, ic] = current;
      const out = (n: number) => Math.floor((n - KERNEL) / stride) + 1;
      push({ kind: 'conv', filters, kernel: KERNEL, stride, inChannels: ic, activation: 'relu' }, [out(ih), out(iw), filters]);
      if (pool) push({ kind: 'pool', size: 2 }, [Math.floor(current[0] / 2), Math.floor(current[1] / 2), filters]);
    }
    push({ kind: 'flatten' }, [size(current)]);
  }
  for (const units of config.hidden) push({ kind: 'dense', units, inputs: current[0], activation: 'relu' }, [units]);
  push({ kind: 'dense', units: shape.outputs, inputs: current[0], activation: shape.task === 'classification' ? 'softmax' : 'linear' }, [
    shape.outputs,
  ]);

  const weightShapes: number[][] = [];
  const fans: [number, number][] = [];
  for (const { spec } of layers) {
    if (spec.kind === 'dense') {
      weightShapes.push([spec.inputs, spec.units], [spec.units]);
      fans.push([spec.inputs, spec.units]);
    } else if (spec.kind === 'conv') {
      weightShapes.push([spec.kernel, spec.kernel, spec.inChannels, spec.filters], [spec.filters]);
      fans.push([spec.kernel * spec.kernel * spec.inChannels, spec.kernel * spec.kernel * spec.filters]);
    }
  }
  return { inputFeatures: shape.features, layers, weightShapes, fans };
}

export function parameterCount(arch: Architecture): number {
  return arch.weightShapes.reduce((sum, s) => sum + size(s), 0);
}

/** Floats one sample's activations take in the forward pass (each layer's output). */
export function activationFloats(arch: Architecture): number {
  return arch.layers.reduce((sum, l) => sum + size(l.outShape), 0);
}

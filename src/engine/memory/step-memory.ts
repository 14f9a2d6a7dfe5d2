// Runs in worker and Node. What one training step holds on the backend at its peak, counted the way the
// allocation hook counts it (tf.memory().numBytes: every live tensor, views and the clones tfjs saves for the
// backward pass included). The step has two high points and the peak is the higher one:
//   backward: every layer's saved activations and their gradients, the saved weights, a weight gradient;
//   update:   all weight gradients plus the optimizer's temporaries (Adam makes all of them in one tidy,
//             the others one variable at a time).
// The coefficients were read off live tensors at the peak (scripts/memory-table.ts checks the sum); they are
// the same on cpu and wasm because tfjs-core counts tensors, not backend buffers.
import type { ModeName, OptimizerName, RunConfig } from '../../shared/config';
import type { Architecture, Layer } from '../architecture';
import type { DataShape } from '../data/types';

export const FLOAT = 4;

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Optimizer state per parameter, in copies of the weights (tfjs' slot variables: Adam's m and v, …). */
export const OPTIMIZER_SLOTS: Record<OptimizerName, number> = { sgd: 0, adagrad: 1, rmsprop: 2, adam: 2 };

/**
 * Weight-sized temporaries of one update, besides the gradients. Adam computes every variable's new moments
 * and value inside one tidy (14 per parameter, all alive at its end); the others tidy each variable apart, so
 * only the largest variable's temporaries are alive at once (rmsprop computes its mean square twice).
 */
export const UPDATE_TEMPORARIES: Record<OptimizerName, { perParameter: number; perLargestVariable: number }> = {
  adam: { perParameter: 14, perLargestVariable: 0 },
  rmsprop: { perParameter: 0, perLargestVariable: 15 },
  adagrad: { perParameter: 0, perLargestVariable: 7 },
  sgd: { perParameter: 0, perLargestVariable: 2 },
};

/** The Keras-style modes train a tf.Sequential; `loop` runs the same maths as plain ops (fewer temporaries). */
export type StepFamily = 'layers' | 'ops';
export const stepFamily = (mode: ModeName): StepFamily => (mode === 'loop' ? 'ops' : 'layers');

/** Tensors of a layer's output size alive at the backward peak, per layer kind (saved inputs, clones, gradients). */
const SAVED_PER_LAYER = { reshape: 1, conv: 7, pool: 3, flatten: 1, dense: 6 } as const;
/** The batch's input rows: the tensor itself and the clone the first op saves. */
const INPUT_COPIES = 2;
/** The output layer's backward also makes copies of its input: more when that input is a hidden Dense layer. */
const OUTPUT_INPUT_TEMPORARIES: Record<StepFamily, { afterDense: number; otherwise: number }> = {
  layers: { afterDense: 3, otherwise: 2 },
  ops: { afterDense: 1, otherwise: 0 },
};
/** Output layer plus loss, per output unit and per sample (softmax + cross-entropy makes many small tensors). */
const OUTPUT_LAYER: Record<StepFamily, Record<'classification' | 'regression', number> & { perSample: number }> = {
  layers: { classification: 23, regression: 7, perSample: 8 },
  ops: { classification: 21, regression: 7, perSample: 7 },
};

/** Floats per sample alive at the backward peak: activations, their saved clones and gradients. */
export function activationFloatsPerSample(arch: Architecture, shape: Pick<DataShape, 'features' | 'task'>, family: StepFamily): number {
  const layers = arch.layers;
  const output = layers[layers.length - 1];
  const beforeOutput: Layer | undefined = layers[layers.length - 2];
  let floats = INPUT_COPIES * shape.features;
  for (const layer of layers.slice(0, -1)) floats += SAVED_PER_LAYER[layer.spec.kind] * size(layer.outShape);
  const outputInput = beforeOutput ? size(beforeOutput.outShape) : shape.features;
  const extra = OUTPUT_INPUT_TEMPORARIES[family];
  floats += (beforeOutput?.spec.kind === 'dense' ? extra.afterDense : extra.otherwise) * outputInput;
  const head = OUTPUT_LAYER[family];
  floats += head[shape.task] * size(output.outShape) + head.perSample;
  return floats;
}

export interface StepMemory {
  /** The model's variables. */
  weights: number;
  /** The optimizer's slot variables. */
  optimizerSlots: number;
  /** Backward high point: activations, saved weights and one weight gradient. */
  backward: number;
  /** Update high point: all weight gradients, the optimizer's temporaries and the batch. */
  update: number;
  /** The largest single weight tensor. */
  largestWeightBytes: number;
}

export function stepMemory(
  arch: Architecture,
  shape: Pick<DataShape, 'features' | 'outputs' | 'task'>,
  optimizer: OptimizerName,
  batch: number,
  family: StepFamily,
): StepMemory {
  const parameters = arch.weightShapes.reduce((sum, s) => sum + size(s), 0);
  const largest = arch.weightShapes.reduce((max, s) => Math.max(max, size(s)), 0);
  const temporaries = UPDATE_TEMPORARIES[optimizer];
  return {
    weights: parameters * FLOAT,
    optimizerSlots: parameters * OPTIMIZER_SLOTS[optimizer] * FLOAT,
    backward: (batch * activationFloatsPerSample(arch, shape, family) + parameters + largest) * FLOAT,
    update:
      (parameters * (1 + temporaries.perParameter) + largest * temporaries.perLargestVariable + batch * (shape.features + shape.outputs)) *
      FLOAT,
    largestWeightBytes: largest * FLOAT,
  };
}

/** Bytes the data path holds on the backend besides the step's own batch. */
export interface DataMemory {
  /** The data set held as tensors for the whole run (fit), copies made by validation_split included. */
  resident: number;
  /** Batches made ahead or assembled, and fit's index tensors. */
  inFlight: number;
}

export function dataMemory(config: RunConfig, mode: ModeName, shape: DataShape, trainSamples: number): DataMemory {
  const batch = Math.min(config.batchSize, trainSamples);
  const row = (shape.features + shape.outputs) * FLOAT;
  if (mode === 'fit') {
    const set = shape.samples * row;
    // x and y whole; validation_split slices both into training and held-out parts: a second full copy.
    const resident = set * (config.validationSplit > 0 ? 2 : 1);
    // The epoch's index tensor (one number a sample) and the batch's gathered ids.
    return { resident, inFlight: (trainSamples + batch) * FLOAT };
  }
  const usesPipeline = mode === 'fitDataset' || config.feed === 'pipeline';
  if (!usesPipeline) return { resident: 0, inFlight: 0 };
  // .prefetch(n) keeps n batches made ahead of the one in the step.
  return { resident: 0, inFlight: config.prefetch * batch * row };
}

// Runs in worker and Node. The network every mode trains: Dense(relu) hidden layers and a linear output.
// The Keras-style modes use a tf.Sequential; `loop` and evaluation use the same maths written with ops.
import type { OptimizerName, RunConfig } from '../shared/config';
import type { Scalar, Tf, Tensor } from './tf';
import type { WeightSet } from './weights';

export function buildSequential(tf: Tf, features: number, hidden: readonly number[], outputs: number, weights: WeightSet) {
  const model = tf.sequential();
  hidden.forEach((units, i) =>
    model.add(tf.layers.dense({ units, activation: 'relu', ...(i === 0 ? { inputShape: [features] } : {}) })),
  );
  model.add(tf.layers.dense({ units: outputs, ...(hidden.length === 0 ? { inputShape: [features] } : {}) }));
  const initial = weights.values.map((v, i) => tf.tensor(v, weights.shapes[i]));
  model.setWeights(initial);
  // setWeights assigns into the model's variables (they keep their own reference), so ours can go.
  tf.dispose(initial);
  return model;
}

/** The same forward pass as buildSequential's model, on raw tensors: [kernel, bias] pairs. */
export function forward(tf: Tf, params: readonly Tensor[], x: Tensor): Tensor {
  let h = x;
  for (let i = 0; i < params.length; i += 2) {
    h = tf.add(tf.matMul(h as never, params[i] as never), params[i + 1]);
    if (i + 2 < params.length) h = tf.relu(h);
  }
  return h;
}

/** Mean squared error, as Keras' 'meanSquaredError' loss computes it for a batch. */
export function meanSquaredError(tf: Tf, prediction: Tensor, target: Tensor): Scalar {
  return tf.mean(tf.squaredDifference(prediction, target)) as Scalar;
}

export function makeOptimizer(tf: Tf, name: OptimizerName, learningRate: number) {
  switch (name) {
    case 'adam':
      return tf.train.adam(learningRate);
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'adagrad':
      return tf.train.adagrad(learningRate);
  }
}

export type ModelShape = Pick<RunConfig, 'features' | 'hidden'> & { outputs: number };

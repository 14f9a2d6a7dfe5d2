// Runs in worker and Node. The network every mode trains, built from its Architecture: the Keras-style modes
// use a tf.Sequential; `loop` and evaluation run the same layers as ops, with the same loss functions.
import type { OptimizerName } from '../shared/config';
import type { Architecture } from './architecture';
import type { TaskKind } from './data/types';
import type { Scalar, Tf, Tensor } from './tf';
import type { WeightSet } from './weights';

export function buildSequential(tf: Tf, arch: Architecture, weights: WeightSet) {
  const model = tf.sequential();
  arch.layers.forEach(({ spec }, i) => {
    const first = i === 0 ? { inputShape: [arch.inputFeatures] } : {};
    switch (spec.kind) {
      case 'reshape':
        return model.add(tf.layers.reshape({ targetShape: spec.to, ...first }));
      case 'conv':
        return model.add(
          tf.layers.conv2d({ filters: spec.filters, kernelSize: spec.kernel, strides: spec.stride, activation: spec.activation, ...first }),
        );
      case 'pool':
        return model.add(tf.layers.maxPooling2d({ poolSize: spec.size, ...first }));
      case 'flatten':
        return model.add(tf.layers.flatten(first));
      case 'dense':
        return model.add(tf.layers.dense({ units: spec.units, activation: spec.activation, ...first }));
    }
  });
  const initial = weights.values.map((v, i) => tf.tensor(v, weights.shapes[i]));
  model.setWeights(initial);
  // setWeights assigns into the model's variables (they keep their own reference), so ours can go.
  tf.dispose(initial);
  return model;
}

function activate(tf: Tf, h: Tensor, activation: string): Tensor {
  if (activation === 'relu') return tf.relu(h);
  if (activation === 'softmax') return tf.softmax(h);
  return h;
}

/** The same forward pass as buildSequential's model, on raw tensors: [kernel, bias] per weighted layer. */
export function forward(tf: Tf, arch: Architecture, params: readonly Tensor[], x: Tensor): Tensor {
  let h = x;
  let p = 0;
  for (const { spec } of arch.layers) {
    switch (spec.kind) {
      case 'reshape':
        h = tf.reshape(h, [-1, ...spec.to]);
        break;
      case 'conv':
        h = activate(tf, tf.add(tf.conv2d(h as never, params[p] as never, spec.stride, 'valid'), params[p + 1]), spec.activation);
        p += 2;
        break;
      case 'pool':
        h = tf.maxPool(h as never, spec.size, spec.size, 'valid');
        break;
      case 'flatten':
        h = tf.reshape(h, [h.shape[0], -1]);
        break;
      case 'dense':
        h = activate(tf, tf.add(tf.matMul(h as never, params[p] as never), params[p + 1]), spec.activation);
        p += 2;
        break;
    }
  }
  return h;
}

/** The Keras loss name compile() gets for a task. */
export function kerasLoss(task: TaskKind): 'meanSquaredError' | 'categoricalCrossentropy' {
  return task === 'classification' ? 'categoricalCrossentropy' : 'meanSquaredError';
}

/** The batch loss, computed by the very functions Keras' compile() uses for kerasLoss(task). */
export function batchLoss(tf: Tf, task: TaskKind, prediction: Tensor, target: Tensor): Scalar {
  const perSample =
    task === 'classification' ? tf.metrics.categoricalCrossentropy(target, prediction) : tf.metrics.meanSquaredError(target, prediction);
  return tf.mean(perSample) as Scalar;
}

/** Share of samples whose highest-scoring class is the labelled one. */
export function batchAccuracy(tf: Tf, prediction: Tensor, target: Tensor): Scalar {
  return tf.mean(tf.metrics.categoricalAccuracy(target, prediction)) as Scalar;
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

// Runs in worker and Node. The engine's single import of TensorFlow.js: the host registers backends, the
// engine only uses what is active.
import * as tf from '@tensorflow/tfjs';

export { tf };
export type Tf = typeof tf;
export type Tensor = tf.Tensor;
export type Scalar = tf.Scalar;

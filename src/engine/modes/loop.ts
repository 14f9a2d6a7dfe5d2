// Runs in worker and Node. The floor: a hand-written optimizer.minimize loop over raw variables, with the same
// maths as the Dense model. What the Keras-style modes cost beyond this is the framework's own overhead.
import { sliceRows } from '../data/types';
import { forward, makeOptimizer, meanSquaredError } from '../model';
import type { TrainingMode } from './types';

export const loopMode: TrainingMode = {
  name: 'loop',
  async train(ctx) {
    const { tf, data, config, recorder, weights } = ctx;
    const params = weights.values.map((v, i) => {
      const initial = tf.tensor(v, weights.shapes[i]);
      const param = tf.variable(initial); // shares initial's data, so initial can be freed at once
      initial.dispose();
      return param;
    });
    const optimizer = makeOptimizer(tf, config.optimizer, config.learningRate);
    try {
      recorder.start();
      outer: for (let epoch = 0; epoch < config.epochs; epoch++) {
        for (let start = 0, batch = 0; start < data.samples; start += config.batchSize, batch++) {
          const end = Math.min(data.samples, start + config.batchSize);
          const rows = sliceRows(data, start, end);
          const lossTensor = tf.tidy(() => {
            const x = tf.tensor2d(rows.x, [end - start, data.features]);
            const y = tf.tensor2d(rows.y, [end - start, data.outputs]);
            // With returnCost = true, minimize always returns the loss scalar.
            return optimizer.minimize(() => meanSquaredError(tf, forward(tf, params, x), y), true, params)!;
          });
          const loss = (await lossTensor.data())[0];
          lossTensor.dispose();
          if (await recorder.batchEnd(epoch, batch, loss, end - start)) break outer;
        }
      }
      recorder.finish();
      const values = await Promise.all(params.map((p) => p.data()));
      return values.map((v) => Float32Array.from(v as Float32Array));
    } finally {
      tf.dispose(params);
      optimizer.dispose();
    }
  },
};

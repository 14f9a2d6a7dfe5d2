// Runs in worker and Node. The floor: a hand-written optimizer.minimize loop over raw variables, with the same
// maths as the Dense model. What the Keras-style modes cost beyond this is the framework's own overhead.
import { batchLoss, forward, makeOptimizer } from '../model';
import type { TrainingMode } from './types';
import { batchFeed } from './batch-feed';

export const loopMode: TrainingMode = {
  name: 'loop',
  async train(ctx) {
    const { tf, config, recorder, weights, arch, shape } = ctx;
    const params = weights.values.map((v, i) => {
      const initial = tf.tensor(v, weights.shapes[i]);
      const param = tf.variable(initial); // shares initial's data, so initial can be freed at once
      initial.dispose();
      return param;
    });
    recorder.watchWeights(() => params);
    const optimizer = makeOptimizer(tf, config.optimizer, config.learningRate);
    const feed = batchFeed(ctx);
    try {
      recorder.start();
      outer: for (let epoch = 0; epoch < config.epochs; epoch++) {
        let batch = 0;
        for await (const { xs, ys, size } of feed.epoch()) {
          // With returnCost = true, minimize always returns the loss scalar; it stays on the backend until the
          // readback policy reads it.
          const lossTensor = optimizer.minimize(() => batchLoss(tf, shape.task, forward(tf, arch, params, xs), ys), true, params)!;
          tf.dispose([xs, ys]);
          let stop: boolean;
          try {
            stop = await recorder.batchEnd(epoch, batch++, lossTensor, size);
          } finally {
            // config.leak is a teaching toggle (off by default): it shows the classic hand-loop bug of keeping
            // each batch's loss tensor, so the tensor count climbs by one per batch and the run reports leaks.
            if (!config.leak) lossTensor.dispose();
          }
          if (stop) break outer;
        }
      }
      recorder.finish();
      const values = await Promise.all(params.map((p) => p.data()));
      return values.map((v) => Float32Array.from(v as Float32Array));
    } finally {
      await feed.drain();
      tf.dispose(params);
      optimizer.dispose();
    }
  },
};

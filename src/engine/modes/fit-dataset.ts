// Runs in worker and Node. Keras `fit_generator`: model.fitDataset over a tf.data generator that makes each
// batch's tensors on demand from the JS arrays; fitDataset disposes them after the step.
import { sliceRows } from '../data/types';
import type { TrainingMode } from './types';
import { withCompiledModel } from './compiled-model';

export const fitDatasetMode: TrainingMode = {
  name: 'fitDataset',
  train: (ctx) =>
    withCompiledModel(ctx, async (model) => {
      const { tf, data, config, recorder } = ctx;
      const batches = tf.data.generator(function* () {
        for (let start = 0; start < data.samples; start += config.batchSize) {
          const end = Math.min(data.samples, start + config.batchSize);
          const rows = sliceRows(data, start, end);
          yield {
            xs: tf.tensor2d(rows.x, [end - start, data.features]),
            ys: tf.tensor2d(rows.y, [end - start, data.outputs]),
          };
        }
      });
      recorder.start();
      let epochNow = 0;
      await model.fitDataset(batches, {
        epochs: config.epochs,
        verbose: 0,
        yieldEvery: 'never',
        callbacks: {
          onEpochBegin: async (epoch) => {
            epochNow = epoch;
          },
          onBatchEnd: async (batch, logs) => {
            const size = typeof logs?.size === 'number' ? logs.size : config.batchSize;
            if (await recorder.batchEnd(epochNow, batch, Number(logs?.loss), size)) model.stopTraining = true;
          },
        },
      });
    }),
};

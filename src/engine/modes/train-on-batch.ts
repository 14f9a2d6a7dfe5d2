// Runs in worker and Node. Keras `train_on_batch`: the caller owns the loop and the batches. tfjs'
// trainOnBatch always reads the loss back to the CPU, so this mode syncs with the backend every batch.
import { sliceRows } from '../data/types';
import type { TrainingMode } from './types';
import { withCompiledModel } from './compiled-model';

export const trainOnBatchMode: TrainingMode = {
  name: 'trainOnBatch',
  train: (ctx) =>
    withCompiledModel(ctx, async (model) => {
      const { tf, data, config, recorder } = ctx;
      recorder.start();
      for (let epoch = 0; epoch < config.epochs; epoch++) {
        for (let start = 0, batch = 0; start < data.samples; start += config.batchSize, batch++) {
          const end = Math.min(data.samples, start + config.batchSize);
          const rows = sliceRows(data, start, end);
          const x = tf.tensor2d(rows.x, [end - start, data.features]);
          const y = tf.tensor2d(rows.y, [end - start, data.outputs]);
          let loss: number;
          try {
            const result = await model.trainOnBatch(x, y);
            loss = Array.isArray(result) ? result[0] : result;
          } finally {
            tf.dispose([x, y]);
          }
          if (await recorder.batchEnd(epoch, batch, loss, end - start)) return;
        }
      }
    }),
};

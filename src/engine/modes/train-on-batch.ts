// Runs in worker and Node. Keras `train_on_batch`: the caller owns the loop and the batches. tfjs'
// trainOnBatch always reads the loss back to the CPU, so this mode syncs with the backend every batch
// whatever the readback policy: a property of the mode, not of fitscope.
import type { TrainingMode } from './types';
import { batchFeed } from './batch-feed';
import { withCompiledModel } from './compiled-model';

export const trainOnBatchMode: TrainingMode = {
  name: 'trainOnBatch',
  train: (ctx) =>
    withCompiledModel(ctx, async (model) => {
      const { tf, config, recorder } = ctx;
      const feed = batchFeed(ctx);
      recorder.start();
      try {
        for (let epoch = 0; epoch < config.epochs; epoch++) {
          let batch = 0;
          for await (const { xs, ys, size } of feed.epoch()) {
            let loss: number;
            try {
              const result = await model.trainOnBatch(xs, ys);
              loss = Array.isArray(result) ? result[0] : result;
            } finally {
              tf.dispose([xs, ys]);
            }
            if (await recorder.batchEnd(epoch, batch++, loss, size)) return;
          }
        }
      } finally {
        await feed.drain();
      }
    }),
};

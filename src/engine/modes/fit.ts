// Runs in worker and Node. Keras `fit`: the whole training set goes to the backend as two tensors up front and
// model.fit slices batches from them.
import type { TrainingMode } from './types';
import { withCompiledModel } from './compiled-model';

export const fitMode: TrainingMode = {
  name: 'fit',
  train: (ctx) =>
    withCompiledModel(ctx, async (model) => {
      const { tf, data, config, recorder } = ctx;
      recorder.start();
      const x = tf.tensor2d(data.x, [data.samples, data.features]);
      const y = tf.tensor2d(data.y, [data.samples, data.outputs]);
      recorder.sampleMemory();
      let epochNow = 0;
      try {
        await model.fit(x, y, {
          batchSize: config.batchSize,
          epochs: config.epochs,
          // Same batch order as the other modes; shuffling is a separate knob.
          shuffle: false,
          verbose: 0,
          // Never wait for an animation frame inside the training loop.
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
      } finally {
        tf.dispose([x, y]);
      }
    }),
};

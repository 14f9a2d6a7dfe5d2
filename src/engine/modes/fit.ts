// Runs in worker and Node. Keras `fit`: the whole training set goes to the backend as two tensors up front and
// model.fit slices batches from them (shuffle and validation_split are fit's own).
import { requireArrays, type TrainingMode } from './types';
import { withCompiledModel } from './compiled-model';
import { kerasCallbacks } from './keras-callbacks';

export const fitMode: TrainingMode = {
  name: 'fit',
  train: (ctx) =>
    withCompiledModel(ctx, async (model) => {
      const { tf, config, recorder } = ctx;
      const arrays = requireArrays(ctx);
      recorder.start();
      const x = tf.tensor2d(arrays.x, [arrays.samples, arrays.features]);
      const y = tf.tensor2d(arrays.y, [arrays.samples, arrays.outputs]);
      recorder.residentBytes = (x.size + y.size) * 4;
      recorder.sampleMemory();
      try {
        await model.fit(x, y, {
          batchSize: config.batchSize,
          epochs: config.epochs,
          shuffle: config.shuffle,
          ...(config.validationSplit > 0 ? { validationSplit: config.validationSplit } : {}),
          verbose: 0,
          yieldEvery: config.yieldEvery,
          callbacks: kerasCallbacks(ctx, model),
        });
      } finally {
        tf.dispose([x, y]);
      }
    }),
};

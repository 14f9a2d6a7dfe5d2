// Runs in worker and Node. Keras `fit_generator`: model.fitDataset over the generator pipeline, which makes
// each batch on demand; fitDataset disposes each batch after its step.
import type { TrainingMode } from './types';
import { modePipeline } from './batch-feed';
import { withCompiledModel } from './compiled-model';
import { kerasCallbacks } from './keras-callbacks';

export const fitDatasetMode: TrainingMode = {
  name: 'fitDataset',
  train: (ctx) =>
    withCompiledModel(ctx, async (model) => {
      const { config, recorder } = ctx;
      const pipeline = modePipeline(ctx);
      recorder.start();
      try {
        await model.fitDataset(pipeline.dataset as never, {
          epochs: config.epochs,
          verbose: 0,
          yieldEvery: config.yieldEvery,
          callbacks: kerasCallbacks(ctx, model),
        });
      } finally {
        await pipeline.drain();
      }
    }),
};

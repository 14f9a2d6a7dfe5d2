// Runs in worker and Node. Where trainOnBatch and loop get their batches: sliced straight from the arrays
// (the time to make the tensors is the data time), or pulled through the same generator pipeline as
// fitDataset (its wait is the data time). The consumer disposes each batch after its step.
import { createPipeline } from '../data/pipeline';
import { sliceRows } from '../data/types';
import type { Tensor } from '../tf';
import { requireArrays, type ModeContext } from './types';

export interface FeedBatch {
  xs: Tensor;
  ys: Tensor;
  size: number;
}

export interface BatchFeed {
  epoch(): AsyncGenerator<FeedBatch>;
  /** Frees batches made ahead after a stop. */
  drain(): Promise<void>;
}

export function modePipeline(ctx: ModeContext) {
  const { tf, config, shape, trainSamples, pipelineReader, recorder } = ctx;
  return createPipeline(tf, pipelineReader, shape, trainSamples, config, (ms) => recorder.addDataMs(ms));
}

export function batchFeed(ctx: ModeContext): BatchFeed {
  const { tf, config, shape, trainSamples, recorder } = ctx;
  if (config.feed === 'pipeline') {
    const pipeline = modePipeline(ctx);
    return {
      async *epoch() {
        const iterator = await pipeline.dataset.iterator();
        for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
          const { xs, ys } = r.value as { xs: Tensor; ys: Tensor };
          yield { xs, ys, size: xs.shape[0] };
        }
      },
      drain: () => pipeline.drain(),
    };
  }
  const arrays = requireArrays(ctx);
  const { features, outputs } = shape;
  return {
    async *epoch() {
      for (let start = 0; start < trainSamples; start += config.batchSize) {
        const end = Math.min(trainSamples, start + config.batchSize);
        const t0 = performance.now();
        const rows = sliceRows(arrays, start, end);
        const xs = tf.tensor2d(rows.x, [end - start, features]);
        const ys = tf.tensor2d(rows.y, [end - start, outputs]);
        recorder.addDataMs(performance.now() - t0);
        yield { xs, ys, size: end - start };
      }
    },
    drain: async () => {},
  };
}

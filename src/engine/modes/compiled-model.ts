// Runs in worker and Node. The compiled tf.Sequential that fit, fitDataset and trainOnBatch share, and its
// clean-up. model.dispose() does not free an optimizer instance passed to compile, so it is disposed here too.
import { buildSequential, kerasLoss, makeOptimizer } from '../model';
import type { ModeContext } from './types';

export type CompiledModel = ReturnType<typeof buildSequential>;

export async function withCompiledModel(ctx: ModeContext, train: (model: CompiledModel) => Promise<void>): Promise<Float32Array[]> {
  const { tf, config, shape, arch, weights } = ctx;
  const model = buildSequential(tf, arch, weights);
  const optimizer = makeOptimizer(tf, config.optimizer, config.learningRate);
  try {
    model.compile({ optimizer, loss: kerasLoss(shape.task) });
    ctx.recorder.watchWeights(() => model.getWeights());
    await train(model);
    ctx.recorder.finish();
    const values = await Promise.all(model.getWeights().map((w) => w.data()));
    return values.map((v) => Float32Array.from(v));
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}

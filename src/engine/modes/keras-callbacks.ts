// Runs in worker and Node. fitscope's hooks into model.fit / model.fitDataset. Class-based callbacks receive
// the batch loss as a tensor still on the backend (function callbacks get it read back every batch), so the
// readback policy decides when it crosses to the CPU. tfjs yields only through function callbacks, so the
// yieldEvery knob adds an empty CustomCallback carrying it: its effect is tfjs' own.
import type { ModeContext } from './types';
import type { CompiledModel } from './compiled-model';

type Logs = Record<string, unknown> | undefined;

export function kerasCallbacks(ctx: ModeContext, model: CompiledModel) {
  const { tf, config, recorder, trainSamples } = ctx;
  let epochNow = 0;

  class PerBatch extends tf.Callback {
    override async onEpochBegin(epoch: number) {
      epochNow = epoch;
    }
    override async onBatchEnd(batch: number, logs?: Logs) {
      const size = typeof logs?.size === 'number' ? logs.size : config.batchSize;
      const loss = logs?.loss as Parameters<typeof recorder.batchEnd>[2] | undefined;
      if (await recorder.batchEnd(epochNow, batch, loss ?? NaN, size)) model.stopTraining = true;
    }
  }

  class PerEpoch extends tf.Callback {
    override async onEpochEnd(epoch: number) {
      if (await recorder.epochEnd(epoch, trainSamples)) model.stopTraining = true;
    }
  }

  // Without per-batch callbacks, fit runs a whole epoch without yielding: a stop request or a ping from the
  // page waits for the epoch's end, and the page is told so.
  if (!config.callbacks) recorder.quietUntilFinish();
  const list: InstanceType<typeof tf.Callback | typeof tf.CustomCallback>[] = [config.callbacks ? new PerBatch() : new PerEpoch()];
  if (config.yieldEvery !== 'never') list.push(new tf.CustomCallback({}, config.yieldEvery));
  return list;
}

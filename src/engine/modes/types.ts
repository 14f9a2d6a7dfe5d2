// Runs in worker and Node. One interface for the four training modes.
import type { ModeName, RunConfig } from '../../shared/config';
import type { BatchRecorder } from '../batch-recorder';
import type { TrainingData } from '../data/types';
import type { Tf } from '../tf';
import type { WeightSet } from '../weights';

export interface ModeContext {
  tf: Tf;
  config: RunConfig;
  data: TrainingData;
  /** The initial weights every mode of a run starts from. */
  weights: WeightSet;
  recorder: BatchRecorder;
}

/**
 * Trains from ctx.weights, reports every batch to ctx.recorder, calls recorder.start() just before its first
 * data work and recorder.finish() after its last step, stops when recorder.batchEnd() says so, frees every
 * tensor it made, and returns the final weights (same shapes as ctx.weights).
 */
export interface TrainingMode {
  name: ModeName;
  train(ctx: ModeContext): Promise<Float32Array[]>;
}

export function batchCount(samples: number, batchSize: number): number {
  return Math.ceil(samples / batchSize);
}

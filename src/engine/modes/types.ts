// Runs in worker and Node. One interface for the four training modes.
import type { ModeName, RunConfig } from '../../shared/config';
import type { BatchRecorder } from '../batch-recorder';
import type { Architecture } from '../architecture';
import type { DataShape, RowReader, TrainingData } from '../data/types';
import type { Tf } from '../tf';
import type { WeightSet } from '../weights';

export interface ModeContext {
  tf: Tf;
  config: RunConfig;
  shape: DataShape;
  arch: Architecture;
  /** The whole training set as arrays, when some mode needs it (fit, the array feed, source=memory). */
  arrays: TrainingData | null;
  /** Rows every mode trains on: the first `trainSamples` (fit's validation split holds out the rest). */
  trainSamples: number;
  /** Where the generator pipeline reads rows (config.source: memory, compute or shards). */
  pipelineReader: RowReader;
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

export function requireArrays(ctx: ModeContext): TrainingData {
  if (!ctx.arrays) throw new Error(`${ctx.recorder.mode} needs the training set in memory, and the run did not load it`);
  return ctx.arrays;
}

// Runs in worker and Node. One run: the same data and initial weights for every chosen mode, one mode after
// the other, each measured from its own start and checked for leaked tensors when it is done.
import type { BackendName, ModeName, RunConfig } from '../shared/config';
import type { BatchMetric, ModeSummary } from '../shared/metrics';
import { BatchRecorder, type StopSignal } from './batch-recorder';
import { loadTrainingData } from './data/load';
import type { TrainingData } from './data/types';
import { evaluateLoss } from './evaluate';
import { TRAINING_MODES } from './modes';
import { median, quantile } from './stats';
import type { Tf } from './tf';
import { initialWeights, type WeightSet } from './weights';

export interface RunHooks {
  onBatch(metric: BatchMetric): void;
  /** Called after each mode with its summary. */
  onModeEnd?(summary: ModeSummary): void;
  signal: StopSignal;
}

export interface ExperimentResult {
  summaries: ModeSummary[];
  batchCounts: Partial<Record<ModeName, number>>;
  totalBatches: number;
  stopped: boolean;
}

export interface PreparedRun {
  data: TrainingData;
  weights: WeightSet;
}

export function prepareRun(config: RunConfig): PreparedRun {
  const data = loadTrainingData(config);
  return { data, weights: initialWeights(config.seed, data.features, config.hidden, data.outputs) };
}

export async function runMode(tf: Tf, config: RunConfig, backend: BackendName, mode: ModeName, prepared: PreparedRun, hooks: RunHooks): Promise<ModeSummary> {
  const { data, weights } = prepared;
  const initialLoss = await evaluateLoss(tf, weights, data);
  const tensorsBefore = tf.memory().numTensors;
  const recorder = new BatchRecorder(tf, mode, hooks.onBatch, hooks.signal);
  const finalValues = await TRAINING_MODES[mode].train({ tf, config, data, weights, recorder });
  recorder.finish();
  const leakedTensors = tf.memory().numTensors - tensorsBefore;
  const finalLoss = await evaluateLoss(tf, { shapes: weights.shapes, values: finalValues }, data);
  const totalMs = recorder.totalMs;
  const batches = recorder.batchMs.length;
  return {
    mode,
    backend,
    samples: data.samples,
    batchSize: config.batchSize,
    epochs: config.epochs,
    batches,
    totalMs,
    msPerBatchMedian: median(recorder.batchMs),
    msPerBatchP95: quantile(recorder.batchMs, 0.95),
    samplesPerSec: totalMs > 0 ? recorder.samplesSeen / (totalMs / 1000) : 0,
    initialLoss,
    finalLoss,
    peakBytes: recorder.peakBytes,
    peakTensors: recorder.peakTensors,
    leakedTensors,
  };
}

export async function runExperiment(tf: Tf, config: RunConfig, backend: BackendName, hooks: RunHooks): Promise<ExperimentResult> {
  const prepared = prepareRun(config);
  const summaries: ModeSummary[] = [];
  const batchCounts: Partial<Record<ModeName, number>> = {};
  for (const mode of config.modes) {
    if (hooks.signal.stopped) break;
    const summary = await runMode(tf, config, backend, mode, prepared, hooks);
    summaries.push(summary);
    batchCounts[mode] = summary.batches;
    hooks.onModeEnd?.(summary);
  }
  return {
    summaries,
    batchCounts,
    totalBatches: summaries.reduce((sum, s) => sum + s.batches, 0),
    stopped: hooks.signal.stopped,
  };
}

// Runs in worker and Node. One run: the same data and initial weights for every chosen mode, one mode after
// the other, each measured from its own start, checked for leaked tensors when it is done, and first checked
// by the memory guard.
import type { BackendName, ModeName, RunConfig } from '../shared/config';
import { ERROR_NAMES, FitscopeError } from '../shared/errors';
import type { BatchMetric, ModeSummary } from '../shared/metrics';
import { BatchRecorder, type RecorderOptions, type StopSignal } from './batch-recorder';
import { loadDataSource, type DataSource } from './data/load';
import { shardReader } from './data/shard-reader';
import { arrayReader, type RowReader, type ShardStore } from './data/types';
import { evaluateLoss } from './evaluate';
import { LossReader } from './loss-reader';
import { estimatePeakBytes, guardMessage } from './memory-estimate';
import { TRAINING_MODES } from './modes';
import { batchCount, trainingRows } from './modes/types';
import { median, quantile } from './stats';
import type { Tf } from './tf';
import { initialWeights, type WeightSet } from './weights';

export interface RunHooks extends RecorderOptions {
  onBatch(metric: BatchMetric): void;
  /** Called after each mode with its summary (refused modes too). */
  onModeEnd?(summary: ModeSummary): void;
  signal: StopSignal;
  /** The host's shard files for config.source = 'shards' (disk in Node, HTTP in the page). */
  openShards?(config: RunConfig): Promise<ShardStore>;
}

export interface ExperimentResult {
  summaries: ModeSummary[];
  batchCounts: Partial<Record<ModeName, number>>;
  totalBatches: number;
  stopped: boolean;
}

export interface PreparedRun {
  data: DataSource;
  weights: WeightSet;
  trainSamples: number;
  pipelineReader: RowReader;
  /** Rows for the loss over the training set: the arrays when they exist anyway, else computed. */
  evalReader: RowReader;
}

function needsArrays(config: RunConfig): boolean {
  const arrayFeed = config.feed === 'arrays' && config.modes.some((m) => m === 'trainOnBatch' || m === 'loop');
  return config.modes.includes('fit') || arrayFeed || config.source === 'memory';
}

export async function prepareRun(config: RunConfig, hooks: Pick<RunHooks, 'openShards'> = {}): Promise<PreparedRun> {
  const data = loadDataSource(config);
  const withArrays = needsArrays(config);
  let pipelineReader: RowReader = data.compute;
  if (config.source === 'memory') pipelineReader = arrayReader(data.arrays());
  if (config.source === 'shards') {
    if (!hooks.openShards) throw new FitscopeError(ERROR_NAMES.invalidConfig, 'source=shards needs shard files, which this host does not provide');
    pipelineReader = shardReader(await hooks.openShards(config), data.shape);
  }
  return {
    data,
    weights: initialWeights(config.seed, data.shape.features, config.hidden, data.shape.outputs),
    trainSamples: trainingRows(data.shape.samples, config.validationSplit),
    pipelineReader,
    evalReader: withArrays ? arrayReader(data.arrays()) : data.compute,
  };
}

function refusedSummary(config: RunConfig, backend: BackendName, mode: ModeName, message: string, estimated: number, resident: number): ModeSummary {
  return {
    mode, backend, samples: config.samples, batchSize: config.batchSize, epochs: config.epochs, batches: 0,
    totalMs: NaN, msPerBatchMedian: NaN, msPerBatchP95: NaN, samplesPerSec: NaN, initialLoss: NaN, finalLoss: NaN,
    peakBytes: NaN, peakTensors: NaN, leakedTensors: 0, dataMsMedian: NaN, stepMsMedian: NaN, vsLoop: NaN,
    estimatedPeakBytes: estimated, residentBytes: resident, batchEndPeakBytes: NaN, peakGpuAllocatedBytes: NaN, lossReads: 0,
    peakSource: 'allocation', timing: 'batch', refused: message,
  };
}

export async function runMode(tf: Tf, config: RunConfig, backend: BackendName, mode: ModeName, prepared: PreparedRun, hooks: RunHooks): Promise<ModeSummary> {
  const { data, weights, trainSamples } = prepared;
  const estimate = estimatePeakBytes(config, mode, data.shape);
  const refusal = guardMessage(config, mode, backend, estimate);
  if (refusal) return refusedSummary(config, backend, mode, refusal, estimate.total, estimate.resident);

  const initialLoss = await evaluateLoss(tf, weights, prepared.evalReader, data.shape, trainSamples);
  const tensorsBefore = tf.memory().numTensors;
  const loss = new LossReader(tf, config.readback, config.lossView, batchCount(trainSamples, config.batchSize));
  const recorder = new BatchRecorder(tf, mode, hooks.onBatch, hooks.signal, loss, hooks);
  let finalValues: Float32Array[];
  try {
    finalValues = await TRAINING_MODES[mode].train({ tf, config, data, trainSamples, pipelineReader: prepared.pipelineReader, weights, recorder });
  } finally {
    recorder.finish();
    loss.dispose();
  }
  const leakedTensors = tf.memory().numTensors - tensorsBefore;
  const finalLoss = await evaluateLoss(tf, { shapes: weights.shapes, values: finalValues }, prepared.evalReader, data.shape, trainSamples);
  const totalMs = recorder.totalMs;
  const msPerBatchMedian = median(recorder.batchMs);
  const dataMsMedian = mode === 'fit' ? NaN : median(recorder.dataMs);
  return {
    mode,
    backend,
    samples: data.shape.samples,
    batchSize: config.batchSize,
    epochs: config.epochs,
    batches: recorder.batchMs.length,
    totalMs,
    msPerBatchMedian,
    msPerBatchP95: quantile(recorder.batchMs, 0.95),
    samplesPerSec: totalMs > 0 ? recorder.samplesSeen / (totalMs / 1000) : 0,
    initialLoss,
    finalLoss,
    peakBytes: recorder.peakBytes,
    peakTensors: recorder.peakTensors,
    leakedTensors,
    dataMsMedian,
    stepMsMedian: median(recorder.batchMs.map((ms, i) => ms - (recorder.dataMs[i] ?? 0))),
    vsLoop: NaN,
    estimatedPeakBytes: estimate.total,
    residentBytes: recorder.residentBytes,
    peakGpuAllocatedBytes: recorder.peakGpuAllocated,
    lossReads: loss.reads,
    batchEndPeakBytes: recorder.batchEndPeak.bytes,
    peakSource: recorder.peakSource,
    timing: recorder.timing,
  };
}

export async function runExperiment(tf: Tf, config: RunConfig, backend: BackendName, hooks: RunHooks): Promise<ExperimentResult> {
  const prepared = await prepareRun(config, hooks);
  const summaries: ModeSummary[] = [];
  const batchCounts: Partial<Record<ModeName, number>> = {};
  for (const mode of config.modes) {
    if (hooks.signal.stopped) break;
    const summary = await runMode(tf, config, backend, mode, prepared, hooks);
    summaries.push(summary);
    batchCounts[mode] = summary.batches;
    hooks.onModeEnd?.(summary);
  }
  const loop = summaries.find((s) => s.mode === 'loop' && !s.refused);
  if (loop) for (const s of summaries) s.vsLoop = s.msPerBatchMedian / loop.msPerBatchMedian;
  return {
    summaries,
    batchCounts,
    totalBatches: summaries.reduce((sum, s) => sum + s.batches, 0),
    stopped: hooks.signal.stopped,
  };
}

// Runs in worker and Node. One run: the same data and initial weights for every chosen mode, one mode after
// the other, each measured from its own start, checked for leaked tensors when it is done, and first checked
// by the memory guard.
import type { BackendName, ModeName, RunConfig } from '../shared/config';
import { ERROR_NAMES, FitscopeError } from '../shared/errors';
import { batchCount, trainingRows } from '../shared/training-plan';
import type { Comparison, KernelProbe, ModeSummary, RunNoise } from '../shared/metrics';
import { probeTunedKernels } from './kernel-probe';
import { repeatOrder, warmupBatches } from '../shared/stats';
import type { MetricRow } from '../shared/metric-row';
import { BatchRecorder, type RecorderOptions, type StopSignal } from './batch-recorder';
import { describeArchitecture, type Architecture } from './architecture';
import type { CsvInput } from './data/csv/source';
import { loadDataSource } from './data/load';
import { shardReader } from './data/shard-reader';
import {
  arrayReader,
  type AssetLoader,
  type DataOrigin,
  type DataShape,
  type HeldOut,
  type RowReader,
  type ShardStore,
  type TrainingData,
} from './data/types';
import { evaluate, evaluateWeights } from './evaluate';
import { LossReader } from './loss-reader';
import { estimatePeakBytes, guardMessage, guardMode, type HostLimits } from './memory-estimate';
import { TRAINING_MODES } from './modes';
import { median } from './stats';
import { compareModes, runNoise, timingFields } from './timing';
import type { Tf } from './tf';
import { initialWeights, type WeightSet } from './weights';

export interface RunHooks extends RecorderOptions {
  /** Each batch's record (metric-row.ts), in a row the recorder reuses: copy what you keep. */
  onBatch(row: MetricRow): void;
  /** Called after each mode of each repeat with that repeat's summary (refused modes too). */
  onModeEnd?(summary: ModeSummary): void;
  signal: StopSignal;
  /** The host's shard files for config.source = 'shards' on computed sets (disk in Node). */
  openShards?(config: RunConfig): Promise<ShardStore>;
  /** The host's data files (public/data): over HTTP in the page, from disk in Node. */
  assets?: AssetLoader;
  /** The user's CSV file, for dataset = 'csv'. */
  csv?: CsvInput;
  /** What the host can hold at all (one ArrayBuffer, wasm memory, GPU buffers): the guard refuses beyond it. */
  limits?: HostLimits;
}

export interface ExperimentResult {
  summaries: ModeSummary[];
  comparisons: Comparison[];
  noise: RunNoise;
  kernelProbe: KernelProbe | null;
  notices: string[];
  batchCounts: Partial<Record<ModeName, number>>;
  totalBatches: number;
  stopped: boolean;
}

export interface PreparedRun {
  config: RunConfig;
  shape: DataShape;
  arch: Architecture;
  arrays: TrainingData | null;
  weights: WeightSet;
  trainSamples: number;
  pipelineReader: RowReader;
  /** Rows for the loss over the training set: the arrays when they exist anyway, else computed. */
  evalReader: RowReader;
  validation: HeldOut;
  test: HeldOut;
  notices: string[];
}

const pipelineUsed = (config: RunConfig) =>
  config.modes.includes('fitDataset') || (config.feed === 'pipeline' && config.modes.some((m) => m === 'trainOnBatch' || m === 'loop'));

function needsArrays(config: RunConfig, origin: DataOrigin): boolean {
  const arrayFeed = config.feed === 'arrays' && config.modes.some((m) => m === 'trainOnBatch' || m === 'loop');
  // A file is streamed by the generator whatever the source setting: it is not loaded whole for it.
  const memorySource = pipelineUsed(config) && config.source === 'memory' && origin !== 'file';
  return config.modes.includes('fit') || arrayFeed || memorySource;
}

/**
 * Loads the data and makes the initial weights: everything here happens before any mode's clock starts. With
 * the backend known, modes the memory guard will refuse are left out of what gets loaded, so a set too big for
 * fit is never materialised for it.
 */
export async function prepareRun(
  requested: RunConfig,
  hooks: Pick<RunHooks, 'openShards' | 'assets' | 'csv' | 'limits'> = {},
  backend?: BackendName,
): Promise<PreparedRun> {
  const data = await loadDataSource(requested, hooks.assets, hooks.csv);
  const notices = [...data.notices];
  const config: RunConfig = { ...requested, samples: data.shape.samples };
  if (config.model === 'cnn' && !data.shape.image) {
    notices.push(`model=cnn needs image data (mnist); ${config.dataset} trains an mlp`);
    config.model = 'mlp';
  }
  const arch = describeArchitecture(config, data.shape);
  const refused = (c: RunConfig, m: ModeName) => backend !== undefined && guardMode(c, m, data.shape, arch, backend, hooks.limits) !== null;
  // A generator cannot hold in memory what the host cannot: where the rows can be computed, it computes them
  // on demand instead, so the streaming modes still run when fit is refused.
  if (config.source === 'memory' && data.origin === 'computed' && pipelineUsed(config)) {
    const streaming = config.modes.filter((m) => m === 'fitDataset' || (config.feed === 'pipeline' && m !== 'fit'));
    const computed = { ...config, source: 'compute' as const };
    if (streaming.some((m) => refused(config, m) && !refused(computed, m))) {
      notices.push(
        `source=memory would hold all ${config.samples.toLocaleString('en-US')} samples in memory, more than ${hooks.limits?.source ?? 'this host'} can; the generator computes each sample on demand instead (source=compute)`,
      );
      config.source = 'compute';
    }
  }
  const runnable = config.modes.filter((m) => !refused(config, m));
  const arrays = needsArrays({ ...config, modes: runnable }, data.origin) ? await data.arrays() : null;
  // What the generator reads: the data set's own reader (computed rows, served shards, the table, the file),
  // unless the source setting asks for the rows in memory or in shards the host writes.
  let pipelineReader: RowReader = data.compute;
  if (data.origin === 'file') {
    if (pipelineUsed(config)) notices.push('the generator streams the CSV file batch by batch, whatever the source setting');
  } else if (config.source === 'memory') {
    if (arrays) pipelineReader = arrayReader(arrays);
  } else if (config.source === 'shards') {
    if (data.origin === 'table') {
      notices.push(`${config.dataset} is a small table held in memory; source=shards reads it from there`);
    } else if (data.origin === 'computed') {
      if (!hooks.openShards)
        throw new FitscopeError(
          ERROR_NAMES.invalidConfig,
          `source=shards for ${config.dataset} needs shard files written by the host, which this host does not do; use source=compute, or mnist, which is served in shards`,
        );
      pipelineReader = shardReader(await hooks.openShards(config), data.shape);
    }
  }
  const { validation, test } = await data.heldOut();
  return {
    config,
    shape: data.shape,
    arch,
    arrays,
    weights: initialWeights(config.seed, arch),
    trainSamples: trainingRows(data.shape.samples, config.validationSplit),
    pipelineReader,
    evalReader: arrays ? arrayReader(arrays) : data.compute,
    validation,
    test,
    notices,
  };
}

/** A reader over held-out rows, which have the training set's width. */
const heldOutReader = (rows: HeldOut, shape: DataShape): RowReader => arrayReader({ ...shape, ...rows });

const NO_TIMING = timingFields([], 1);

/**
 * The loss before and after training is taken over the training rows, at most this many (the first ones): a
 * full pass over a million computed samples of 1,024 features would keep the reader waiting for minutes
 * before the first batch, and the first 65,536 rows already pin the loss to a few digits.
 */
export const MAX_EVAL_ROWS = 65_536;
const evalRows = (trainSamples: number) => Math.min(trainSamples, MAX_EVAL_ROWS);

/**
 * After a stop the reader is waiting (the page terminates a worker that has not answered within a few
 * seconds): the loss after training and on the test rows are then taken over at most this many rows.
 */
export const STOPPED_EVAL_ROWS = 4096;

function refusedSummary(
  config: RunConfig,
  backend: BackendName,
  mode: ModeName,
  message: string,
  estimated: number,
  resident: number,
): ModeSummary {
  return {
    mode,
    backend,
    samples: config.samples,
    batchSize: config.batchSize,
    epochs: config.epochs,
    batches: 0,
    totalMs: NaN,
    throughputSamplesPerSec: NaN,
    repeats: 0,
    repeatsPlanned: config.repeats,
    ...NO_TIMING,
    initialLoss: NaN,
    finalLoss: NaN,
    testLoss: NaN,
    testAccuracy: NaN,
    peakBytes: NaN,
    peakTensors: NaN,
    leakedTensors: 0,
    dataMsMedian: NaN,
    stepMsMedian: NaN,
    ...NO_RATIOS,
    estimatedPeakBytes: estimated,
    residentBytes: resident,
    batchEndPeakBytes: NaN,
    peakGpuAllocatedBytes: NaN,
    lossReads: 0,
    peakSource: 'allocation',
    timing: 'batch',
    refused: message,
  };
}

const NO_RATIOS = {
  vsLoop: NaN,
  vsLoopLow: NaN,
  vsLoopHigh: NaN,
  vsLoopVerdict: null,
  vsFastest: NaN,
  vsFastestLow: NaN,
  vsFastestHigh: NaN,
  vsFastestVerdict: null,
} as const;

/** One mode's run: its summary, the batch times it was made from, and whether a stop cut it short. */
export interface ModeRun {
  summary: ModeSummary;
  /** Per-batch times; per-epoch averages with per-batch callbacks off. */
  batchMs: number[];
  stopped: boolean;
}

/** Runs one mode of a prepared run (its config is the run's: with the data set's real sample count). */
export async function runMode(tf: Tf, backend: BackendName, mode: ModeName, prepared: PreparedRun, hooks: RunHooks): Promise<ModeSummary> {
  return (await measureMode(tf, backend, mode, prepared, hooks)).summary;
}

async function measureMode(tf: Tf, backend: BackendName, mode: ModeName, prepared: PreparedRun, hooks: RunHooks): Promise<ModeRun> {
  const { config, shape, arch, weights, trainSamples } = prepared;
  const estimate = estimatePeakBytes(config, mode, shape, arch);
  const refusal = guardMessage(config, mode, backend, estimate, hooks.limits);
  if (refusal)
    return { summary: refusedSummary(config, backend, mode, refusal, estimate.total, estimate.resident), batchMs: [], stopped: false };

  const initialLoss = (await evaluateWeights(tf, arch, weights, prepared.evalReader, shape, evalRows(trainSamples))).loss;
  const tensorsBefore = tf.memory().numTensors;
  const batchesPerEpoch = batchCount(trainSamples, config.batchSize);
  const loss = new LossReader(tf, config.readback, config.lossView, batchesPerEpoch);
  const recorder = new BatchRecorder(tf, mode, hooks.onBatch, hooks.signal, loss, batchesPerEpoch, hooks);
  const validation = heldOutReader(prepared.validation, shape);
  recorder.validate = (params) => evaluate(tf, arch, params, validation, shape, prepared.validation.samples);
  let finalValues: Float32Array[];
  try {
    finalValues = await TRAINING_MODES[mode].train({
      tf,
      config,
      shape,
      arch,
      arrays: prepared.arrays,
      trainSamples,
      pipelineReader: prepared.pipelineReader,
      weights,
      recorder,
    });
  } finally {
    recorder.finish();
    loss.dispose();
  }
  const stopped = hooks.signal.stopped;
  const leakedTensors = tf.memory().numTensors - tensorsBefore;
  const finalWeights = { shapes: weights.shapes, values: finalValues };
  const cap = (rows: number) => (stopped ? Math.min(rows, STOPPED_EVAL_ROWS) : rows);
  const finalLoss = (await evaluateWeights(tf, arch, finalWeights, prepared.evalReader, shape, cap(evalRows(trainSamples)))).loss;
  const test = await evaluateWeights(tf, arch, finalWeights, heldOutReader(prepared.test, shape), shape, cap(prepared.test.samples));
  const totalMs = recorder.totalMs;
  const batchMs = recorder.batchMs;
  // Without per-batch callbacks the batches of an epoch share one averaged time: the epochs are the samples.
  const timed = recorder.timing === 'epoch' ? recorder.epochAverageMs : batchMs;
  const warm = recorder.timing === 'epoch' ? 0 : warmupBatches(batchMs);
  const summary: ModeSummary = {
    mode,
    backend,
    samples: shape.samples,
    batchSize: config.batchSize,
    epochs: config.epochs,
    batches: batchMs.length,
    totalMs,
    throughputSamplesPerSec: totalMs > 0 ? recorder.samplesSeen / (totalMs / 1000) : NaN,
    repeats: 1,
    repeatsPlanned: config.repeats,
    repeat: hooks.repeat ?? 0,
    ...timingFields([timed], config.batchSize),
    initialLoss,
    finalLoss,
    testLoss: test.loss,
    testAccuracy: test.accuracy,
    peakBytes: recorder.peakBytes,
    peakTensors: recorder.peakTensors,
    leakedTensors,
    // The split of a batch's time over the same steady batches as the time itself (warm-up left out).
    dataMsMedian: mode === 'fit' ? NaN : median(recorder.dataMs.slice(warm)),
    stepMsMedian: median(batchMs.slice(warm).map((ms, i) => ms - (recorder.dataMs[warm + i] ?? 0))),
    ...NO_RATIOS,
    estimatedPeakBytes: estimate.total,
    residentBytes: recorder.residentBytes,
    peakGpuAllocatedBytes: recorder.peakGpuAllocated,
    lossReads: loss.reads,
    batchEndPeakBytes: recorder.batchEndPeak.bytes,
    peakSource: recorder.peakSource,
    timing: recorder.timing,
  };
  return { summary, batchMs: timed, stopped };
}

/**
 * One mode's summary over its repeats: the timing from every repeat the run completed (all of them when it was
 * stopped in its first), memory peaks at their highest, losses from the first repeat (every repeat starts from
 * the same weights and data).
 */
function mergeRepeats(runs: readonly ModeRun[], planned: number): ModeSummary {
  const first = runs[0].summary;
  if (first.refused) return { ...first, repeatsPlanned: planned };
  const { repeat: _repeat, ...base } = first;
  const max = (pick: (s: ModeSummary) => number) => Math.max(...runs.map((r) => pick(r.summary)));
  return {
    ...base,
    ...timingFields(
      runs.map((r) => r.batchMs),
      first.batchSize,
    ),
    repeats: runs.length,
    repeatsPlanned: planned,
    peakBytes: max((s) => s.peakBytes),
    peakTensors: max((s) => s.peakTensors),
    leakedTensors: max((s) => s.leakedTensors),
    batchEndPeakBytes: max((s) => s.batchEndPeakBytes),
    peakGpuAllocatedBytes: max((s) => (Number.isNaN(s.peakGpuAllocatedBytes) ? -Infinity : s.peakGpuAllocatedBytes)),
    dataMsMedian: median(runs.map((r) => r.summary.dataMsMedian).filter((v) => !Number.isNaN(v))),
    stepMsMedian: median(runs.map((r) => r.summary.stepMsMedian)),
  };
}

/**
 * Runs the chosen modes `repeats` times, every repeat from the same initial weights and data, in rotated order
 * (ABBA…: no mode always first or last), then summarises each mode over the repeats the run completed and
 * judges the modes' times against the loop and the fastest with intervals (engine/timing.ts).
 */
export async function runExperiment(tf: Tf, requested: RunConfig, backend: BackendName, hooks: RunHooks): Promise<ExperimentResult> {
  const prepared = await prepareRun(requested, hooks, backend);
  const { config } = prepared;
  const runs = new Map<ModeName, ModeRun[]>(config.modes.map((m) => [m, []]));
  const order = repeatOrder(config.modes, config.repeats);
  let completed = 0;
  outer: for (let repeat = 0; repeat < config.repeats; repeat++) {
    for (const mode of order[repeat]) {
      if (hooks.signal.stopped) break outer;
      const run = await measureMode(tf, backend, mode, prepared, { ...hooks, repeat });
      runs.get(mode)!.push(run);
      hooks.onModeEnd?.(run.summary);
    }
    if (!hooks.signal.stopped) completed = repeat + 1;
  }
  // A stop inside a repeat leaves it out of the statistics (its batches were still drawn), unless it was the first.
  const used = (list: ModeRun[]) => (completed > 0 ? list.slice(0, completed) : list);
  const summaries = config.modes.filter((m) => runs.get(m)!.length > 0).map((m) => mergeRepeats(used(runs.get(m)!), config.repeats));
  const comparisons = compareModes(
    summaries,
    summaries.map((s) => ({ mode: s.mode, batchMs: used(runs.get(s.mode)!).map((r) => r.batchMs) })),
  );
  // After every mode and outside every timed region; skipped after a stop, and where the guard would not let
  // the hand loop (the probe's steps) run: the probe must never allocate what a mode was refused.
  const probeFits =
    summaries.some((s) => !s.refused) && guardMode(config, 'loop', prepared.shape, prepared.arch, backend, hooks.limits) === null;
  const kernelProbe =
    backend === 'wasm' && config.kernels === 'stock' && !hooks.signal.stopped && probeFits ? await probeTunedKernels(tf, prepared) : null;
  const batchCounts: Partial<Record<ModeName, number>> = {};
  for (const [mode, list] of runs) if (list.length) batchCounts[mode] = list.reduce((n, r) => n + r.summary.batches, 0);
  return {
    summaries,
    comparisons,
    noise: runNoise(summaries, comparisons),
    kernelProbe,
    notices: prepared.notices,
    batchCounts,
    totalBatches: Object.values(batchCounts).reduce((sum, n) => sum + (n ?? 0), 0),
    stopped: hooks.signal.stopped,
  };
}

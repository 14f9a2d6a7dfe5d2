// Runs in Node (test helper). Hand-made summaries and metrics for the page's pure functions.
import { DEFAULT_CONFIG, type ModeName, type RunConfig } from '../../src/shared/config';
import type { BatchMetric, ModeSummary } from '../../src/shared/metrics';

export function summary(mode: ModeName, fields: Partial<ModeSummary> = {}): ModeSummary {
  return {
    mode,
    backend: 'wasm',
    samples: 100_000,
    batchSize: 32,
    epochs: 1,
    batches: 3125,
    totalMs: 3125,
    msPerBatchMedian: 1,
    msPerBatchP95: 1.4,
    samplesPerSec: 32_000,
    initialLoss: 1,
    finalLoss: 0.1,
    testLoss: 0.11,
    testAccuracy: NaN,
    peakBytes: 1_000_000,
    peakTensors: 40,
    leakedTensors: 0,
    dataMsMedian: NaN,
    stepMsMedian: 1,
    vsLoop: NaN,
    estimatedPeakBytes: 1_000_000,
    residentBytes: 0,
    batchEndPeakBytes: 900_000,
    peakGpuAllocatedBytes: NaN,
    lossReads: 3125,
    peakSource: 'allocation',
    timing: 'batch',
    throughputSamplesPerSec: 32_000,
    repeats: 1,
    repeatsPlanned: 1,
    msPerBatchLow: 0.98,
    msPerBatchHigh: 1.02,
    intervalBasis: 'batches',
    msPerBatchP5: 0.9,
    warmupBatches: 1,
    steadyBatches: 3124,
    msBox: null,
    msHistogram: null,
    noise: 0.4,
    noiseBasis: 'batches',
    vsLoopLow: NaN,
    vsLoopHigh: NaN,
    vsLoopVerdict: null,
    vsFastest: NaN,
    vsFastestLow: NaN,
    vsFastestHigh: NaN,
    vsFastestVerdict: null,
    ...fields,
  };
}

export function config(fields: Partial<RunConfig> = {}): RunConfig {
  return { ...DEFAULT_CONFIG, modes: [...DEFAULT_CONFIG.modes], hidden: [...DEFAULT_CONFIG.hidden], ...fields };
}

export function metric(mode: ModeName, epoch: number, batch: number, fields: Partial<BatchMetric> = {}): BatchMetric {
  return {
    mode,
    repeat: 0,
    epoch,
    batch,
    steps: 1,
    stepPeakBytes: NaN,
    stepPeakTensors: NaN,
    loss: 1,
    meanLoss: 1,
    ms: 2,
    dataMs: NaN,
    samplesSeen: 0,
    valLoss: NaN,
    valAccuracy: NaN,
    numTensors: 10,
    numBytes: 1000,
    gpuBytesInUse: null,
    gpuBytesAllocated: null,
    ...fields,
  };
}

/** Metrics for `batches` batches of one mode, epochs of `perEpoch`, samplesSeen counting `batchSize` each. */
export function metrics(
  mode: ModeName,
  batches: number,
  perEpoch: number,
  batchSize = 32,
  f: (i: number) => Partial<BatchMetric> = () => ({}),
): BatchMetric[] {
  return Array.from({ length: batches }, (_, i) =>
    metric(mode, Math.floor(i / perEpoch), i % perEpoch, { samplesSeen: (i + 1) * batchSize, ...f(i) }),
  );
}

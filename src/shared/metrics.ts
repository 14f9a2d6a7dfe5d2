// Runs everywhere. What a run measures and reports; the page, the worker and the CLI share these shapes.
import type { BackendName, ModeName } from './config';

/** Backend memory, normalised: tfjs names the GPU fields differently on webgpu and webgl. */
export interface MemoryReading {
  numTensors: number;
  /** Bytes held by live tensors, as the backend counts them. */
  numBytes: number;
  /** Bytes of live tensors on the GPU (webgpu, webgl); null where the backend has no GPU. */
  gpuBytesInUse: number | null;
  /** Bytes the GPU buffer/texture pool holds, in use or free for reuse; null where the backend has none. */
  gpuBytesAllocated: number | null;
}

/** A per-batch record as an object (the wire and the buffers use rows: see metric-row.ts, which documents each field). */
export interface BatchMetric extends MemoryReading {
  mode: ModeName;
  /** 0-based repeat of the run. */
  repeat: number;
  epoch: number;
  /** Batch index within its epoch. */
  batch: number;
  /** Training steps this record stands for: 1, or a whole epoch's batches with per-batch callbacks off. */
  steps: number;
  /** Loss of this batch as the mode reported it (the raw batch loss); NaN when the readback policy skipped it. */
  loss: number;
  /** Keras' running mean of the loss over the epoch so far (sample-weighted); NaN when not read. */
  meanLoss: number;
  /** Wall time from the end of the previous batch (or the start of training) to the end of this one. */
  ms: number;
  /** Part of `ms` spent waiting for the batch's data; NaN where it cannot be separated (fit slices inside its step). */
  dataMs: number;
  /** Training samples consumed so far in this mode, across epochs. */
  samplesSeen: number;
  /** Loss on the validation rows, checked at each epoch's end (NaN on other batches). */
  valLoss: number;
  /** Accuracy on the validation rows at each epoch's end (NaN on other batches and for regression). */
  valAccuracy: number;
  /** Highest backend bytes / tensors while this batch's step ran (allocation hook); NaN without the hook. */
  stepPeakBytes: number;
  stepPeakTensors: number;
}

export interface ModeSummary {
  mode: ModeName;
  backend: BackendName;
  samples: number;
  batchSize: number;
  epochs: number;
  batches: number;
  totalMs: number;
  msPerBatchMedian: number;
  msPerBatchP95: number;
  samplesPerSec: number;
  initialLoss: number;
  finalLoss: number;
  /** Loss on the test rows after training. */
  testLoss: number;
  /** Accuracy on the test rows after training; NaN (null in JSON) for regression. */
  testAccuracy: number;
  peakBytes: number;
  peakTensors: number;
  leakedTensors: number;
  /** Median time per batch waiting for data (NaN for fit, whose slicing happens inside the step). */
  dataMsMedian: number;
  /** Median time per batch in the training step: compute plus any sync (msPerBatch − data wait). */
  stepMsMedian: number;
  /** msPerBatchMedian over the loop mode's from the same run (NaN when loop did not run). */
  vsLoop: number;
  /** The memory guard's estimate of this mode's peak backend bytes, made before the run. */
  estimatedPeakBytes: number;
  /** Backend bytes that hold the data set itself (fit: the whole set; generator modes: none). */
  residentBytes: number;
  /** The highest reading at batch ends only: what a sampler outside the step would report as the peak. */
  batchEndPeakBytes: number;
  /** GPU buffer pool at its largest during the mode (in use + free for reuse); NaN without a GPU. */
  peakGpuAllocatedBytes: number;
  /** Loss readbacks from the backend to the CPU during training. */
  lossReads: number;
  /** 'allocation' when peaks come from the tensor-allocation hook, 'batch-end' when only from batch-end samples. */
  peakSource: 'allocation' | 'batch-end';
  /** 'batch' when each batch was timed; 'epoch' when per-batch callbacks were off (times are epoch averages). */
  timing: 'batch' | 'epoch';
  /** Set when the memory guard refused the mode: why, with the estimate and the budget. No timings then. */
  refused?: string;
}

/** Field order of a summary, as printed by the CLI's table and JSON. */
export const SUMMARY_FIELDS = [
  'mode', 'backend', 'samples', 'batchSize', 'epochs', 'batches', 'totalMs', 'msPerBatchMedian', 'msPerBatchP95',
  'samplesPerSec', 'initialLoss', 'finalLoss', 'peakBytes', 'peakTensors', 'leakedTensors',
  'dataMsMedian', 'stepMsMedian', 'vsLoop', 'estimatedPeakBytes', 'residentBytes', 'testAccuracy', 'testLoss',
] as const satisfies readonly (keyof ModeSummary)[];

/** Further summary fields the CLI's JSON carries after SUMMARY_FIELDS (the table keeps to SUMMARY_FIELDS). */
export const SUMMARY_EXTRA_FIELDS = ['batchEndPeakBytes', 'peakGpuAllocatedBytes', 'lossReads', 'peakSource', 'timing', 'refused'] as const satisfies readonly (keyof ModeSummary)[];

export interface BackendFallback {
  backend: BackendName;
  reason: string;
}

export interface BackendInfo {
  /** What tfjs actually runs (read back from tf.getBackend(), never assumed). */
  active: BackendName;
  requested: string;
  /** Backends tried before `active`, with why each was not used. Empty when the first choice worked. */
  fallbacks: BackendFallback[];
  /** Adapter details where the backend has one (WebGPU), so a software adapter is never mistaken for a GPU. */
  adapter?: string;
}

export interface RunResult {
  runId: number;
  backend: BackendInfo;
  summaries: ModeSummary[];
  /** What the engine changed about the request (a fixed-size data set's sample count, say), in words. */
  notices: string[];
  /** Batches recorded per mode: the page compares these with what it received to know the stream is complete. */
  batchCounts: Partial<Record<ModeName, number>>;
  totalBatches: number;
  stopped: boolean;
}

/** One line for a badge or a log, e.g. "webgl (webgpu: no WebGPU adapter)". Fallbacks are never hidden. */
export function describeBackend(info: BackendInfo): string {
  const why = info.fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ');
  const adapter = info.adapter ? ` [${info.adapter}]` : '';
  return why ? `${info.active}${adapter} (${why})` : `${info.active}${adapter}`;
}

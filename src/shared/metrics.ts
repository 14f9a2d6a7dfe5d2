// Runs everywhere. What a run measures and reports; the page, the worker and the CLI share these shapes.
import type { BackendName, ModeName } from './config';
import type { MachineInfo } from './machine';
import type { BoxPlot, IntervalBasis, LogHistogram, VerdictKind } from './stats';

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

/**
 * Time per batch, one estimator everywhere (engine/timing.ts): the median of the steady batches, after the
 * warm-up; with repeats, the geometric mean of the repeats' medians. Its interval's basis says which.
 */
export interface TimingFields {
  /** The time per batch every view shows (see above), in ms. */
  msPerBatchMedian: number;
  /** 95 % interval of msPerBatchMedian; NaN with too few batches. */
  msPerBatchLow: number;
  msPerBatchHigh: number;
  /** 'batches': from one run's batches (cannot see run-to-run noise); 'repeats': from the repeats' medians. */
  intervalBasis: IntervalBasis;
  /** 5th and 95th percentiles of the steady batches (all repeats pooled). */
  msPerBatchP5: number;
  msPerBatchP95: number;
  /** Leading batches left out as warm-up (kernel compilation, JIT, first allocations), over all repeats. */
  warmupBatches: number;
  /** Batches the statistics rest on. */
  steadyBatches: number;
  /** batchSize / msPerBatchMedian: samples per second at the median batch. */
  samplesPerSec: number;
  /** Box-plot numbers and a log-spaced histogram of the steady batch times; null without batches. */
  msBox: BoxPlot | null;
  msHistogram: LogHistogram | null;
  /** Relative spread: between repeats' medians (max / min − 1), or p95 / median − 1 in one run. */
  noise: number;
  noiseBasis: IntervalBasis;
}

export interface ModeSummary extends TimingFields {
  mode: ModeName;
  backend: BackendName;
  samples: number;
  batchSize: number;
  epochs: number;
  /** Training steps run (all epochs, one repeat). */
  batches: number;
  /** Wall time of the mode (one repeat: the first complete one), data upload included, validation excluded. */
  totalMs: number;
  /** Whole-run throughput: training samples / totalMs (includes the warm-up and any stalls). */
  throughputSamplesPerSec: number;
  /** Repeats the timing rests on, and how many were asked for (fewer when stopped: incomplete). */
  repeats: number;
  repeatsPlanned: number;
  /** Set on the per-repeat summaries a run streams while it goes (0-based); absent on the final ones. */
  repeat?: number;
  /**
   * Loss over the training rows (the first 65,536 of a larger set) before the first step and after the last;
   * after a stop, the loss after and the test figures are taken over at most 4,096 rows, so the stop is prompt.
   */
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
  /** msPerBatchMedian over the loop mode's from the same run (NaN when loop did not run), with its 95 % interval. */
  vsLoop: number;
  vsLoopLow: number;
  vsLoopHigh: number;
  /** The verdict on vsLoop with a ±3 % equivalence margin; null for the loop itself or without a loop. */
  vsLoopVerdict: VerdictKind | null;
  /** msPerBatchMedian over the fastest mode's of the same run, with its interval and verdict. */
  vsFastest: number;
  vsFastestLow: number;
  vsFastestHigh: number;
  vsFastestVerdict: VerdictKind | null;
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
  /**
   * 'allocation' when peaks come from the tensor-allocation hook, 'batch-end' when only from batch-end samples;
   * 'process-rss' for the Keras runner, which measures the Python process's resident memory, not tensor bytes.
   */
  peakSource: 'allocation' | 'batch-end' | 'process-rss';
  /** 'batch' when each batch was timed; 'epoch' when per-batch callbacks were off (times are epoch averages). */
  timing: 'batch' | 'epoch';
  /** Set when the memory guard refused the mode: why, with the estimate and the budget. No timings then. */
  refused?: string;
}

/** Field order of a summary's flat fields, as the CLI's JSON and the summary CSV write them. */
export const SUMMARY_FIELDS = [
  'mode',
  'backend',
  'samples',
  'batchSize',
  'epochs',
  'batches',
  'repeats',
  'repeatsPlanned',
  'totalMs',
  'msPerBatchMedian',
  'msPerBatchLow',
  'msPerBatchHigh',
  'intervalBasis',
  'msPerBatchP5',
  'msPerBatchP95',
  'warmupBatches',
  'steadyBatches',
  'samplesPerSec',
  'throughputSamplesPerSec',
  'vsLoop',
  'vsLoopLow',
  'vsLoopHigh',
  'vsLoopVerdict',
  'vsFastest',
  'vsFastestLow',
  'vsFastestHigh',
  'vsFastestVerdict',
  'noise',
  'noiseBasis',
  'initialLoss',
  'finalLoss',
  'peakBytes',
  'peakTensors',
  'leakedTensors',
  'dataMsMedian',
  'stepMsMedian',
  'estimatedPeakBytes',
  'residentBytes',
  'testAccuracy',
  'testLoss',
] as const satisfies readonly (keyof ModeSummary)[];

/** Further summary fields the CLI's JSON carries after SUMMARY_FIELDS: the distribution and the memory detail. */
export const SUMMARY_EXTRA_FIELDS = [
  'batchEndPeakBytes',
  'peakGpuAllocatedBytes',
  'lossReads',
  'peakSource',
  'timing',
  'refused',
  'msBox',
  'msHistogram',
] as const satisfies readonly (keyof ModeSummary)[];

/** One verdict line: mode's time per batch over other's, with its interval and the words for it. */
export interface Comparison {
  mode: ModeName;
  other: ModeName;
  /** Whether `other` is the loop (the floor) or the run's fastest mode. */
  against: 'loop' | 'fastest';
  estimate: number;
  low: number;
  high: number;
  level: number;
  basis: IntervalBasis;
  /** Repeats (pairs) or steady batches the interval rests on. */
  n: number;
  verdict: VerdictKind;
  /** "fit takes 1.42× as long as loop (95 % CI 1.38–1.47)", "no measurable difference (within ±3 %)", … */
  text: string;
}

/** Stock against tuned wasm kernels on a few hand-loop steps of the run's model, measured after the modes. */
export interface KernelProbe {
  stockMs: number;
  tunedMs: number;
  steps: number;
}

/** How noisy the machine was during the run, and a warning when that is more than the differences judged. */
export interface RunNoise {
  value: number;
  basis: IntervalBasis;
  /** The noisiest mode. */
  mode: ModeName | null;
  warning: string | null;
}

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
  /** What made the run: backend, adapter, wasm features, cores, memory, browser, OS, date. */
  machine?: MachineInfo;
  summaries: ModeSummary[];
  /** The verdicts on each mode's time against the loop and the fastest mode. */
  comparisons: Comparison[];
  noise: RunNoise;
  /** On wasm with stock kernels: what kernels=tuned would do for this model (null elsewhere). */
  kernelProbe?: KernelProbe | null;
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

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

export interface BatchMetric extends MemoryReading {
  mode: ModeName;
  epoch: number;
  /** Batch index within its epoch. */
  batch: number;
  /** Loss of this batch as the mode reported it (the raw batch loss, not a running mean). */
  loss: number;
  /** Wall time from the end of the previous batch (or the start of training) to the end of this one. */
  ms: number;
  /** Training samples consumed so far in this mode, across epochs. */
  samplesSeen: number;
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
  peakBytes: number;
  peakTensors: number;
  leakedTensors: number;
}

/** Field order of a summary, as printed by the CLI's table and JSON. */
export const SUMMARY_FIELDS = [
  'mode', 'backend', 'samples', 'batchSize', 'epochs', 'batches', 'totalMs', 'msPerBatchMedian', 'msPerBatchP95',
  'samplesPerSec', 'initialLoss', 'finalLoss', 'peakBytes', 'peakTensors', 'leakedTensors',
] as const satisfies readonly (keyof ModeSummary)[];

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

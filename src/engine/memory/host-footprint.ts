// Runs in worker and Node. What a mode holds on the host, counted in real buffers rather than in backend
// tensors: the JS typed arrays the data set is built in (src/engine/data: one Float32Array for all inputs,
// one for all targets, more for the held-out rows), the backend's own copy (wasm linear memory, GPU buffers;
// tfjs' cpu backend keeps the very typed arrays it was given, so no copy there), validation_split's slices
// (views on cpu, copies elsewhere) and wasm's growth slack. The guard compares it with the HostLimits.
import type { BackendName, ModeName, RunConfig } from '../../shared/config';
import { wasmGrowthSlack } from './host-limits';

/** The estimate's numbers the host check reads (see MemoryEstimate). */
export interface BackendEstimate {
  total: number;
  resident: number;
  dataSet: { samples: number; features: number; outputs: number };
  largestTensorBytes: number;
}

export interface HostFootprint {
  /** Bytes of one copy of the training set (inputs and targets as floats). */
  dataSetBytes: number;
  /** Each copy of the training set the mode holds at once, named. */
  dataSetCopies: string[];
  /** The JS side: typed arrays, and on cpu the backend's tensors, which are typed arrays too. */
  jsBytes: number;
  /** The largest single typed array the mode needs. */
  largestArrayBytes: number;
  /** What the wasm backend's linear memory must hold (0 on other backends). */
  wasmHeapBytes: number;
  /** The largest single tensor on the backend. */
  largestTensorBytes: number;
  /** Everything at once: JS arrays, the backend's buffers and wasm's growth slack. */
  totalBytes: number;
}

const FLOAT = 4;

/** Whether this mode reads the training set from arrays held whole (mirrors run.ts' needsArrays, per mode). */
export function modeHoldsArrays(config: RunConfig, mode: ModeName): boolean {
  if (mode === 'fit') return true;
  const usesPipeline = mode === 'fitDataset' || config.feed === 'pipeline';
  if (!usesPipeline) return true; // trainOnBatch and loop slice batches from the arrays
  // The generator reads the arrays only for source=memory; a CSV file is streamed whatever the source.
  return config.source === 'memory' && config.dataset !== 'csv';
}

/**
 * Held-out rows (validation + test) every run builds as arrays: at most 10,000 each for computed sets (a
 * fifth of the set, at least 200), MNIST's 10,000 test images, a tenth of a CSV each, small tables.
 */
export function heldOutRows(samples: number): number {
  return Math.min(20_000, Math.max(400, Math.round(samples * 0.4)));
}

export function hostFootprint(config: RunConfig, mode: ModeName, backend: BackendName, estimate: BackendEstimate): HostFootprint {
  const { samples, features, outputs } = estimate.dataSet;
  const dataSetBytes = samples * (features + outputs) * FLOAT;
  const arrays = modeHoldsArrays(config, mode);
  const held = heldOutRows(samples);
  const copies: string[] = arrays ? ['JS arrays'] : [];
  // fit's tensors of the whole set: shared with the arrays on cpu, a copy on every other backend.
  let residentOnBackend = 0;
  if (estimate.resident > 0 && backend !== 'cpu') {
    residentOnBackend = estimate.resident;
    copies.push(backend === 'wasm' ? 'wasm memory' : 'GPU buffers');
    if (config.validationSplit > 0) copies.push('validation_split slices');
  }
  const backendBytes = estimate.total - estimate.resident + residentOnBackend;
  const wasmHeapBytes = backend === 'wasm' ? backendBytes : 0;
  const arrayBytes = (arrays ? dataSetBytes : 0) + held * (features + outputs) * FLOAT;
  const jsBytes = arrayBytes + (backend === 'cpu' ? backendBytes : 0);
  return {
    dataSetBytes,
    dataSetCopies: copies,
    jsBytes,
    largestArrayBytes: Math.max(arrays ? samples * features * FLOAT : 0, held * features * FLOAT),
    wasmHeapBytes,
    largestTensorBytes: estimate.largestTensorBytes,
    totalBytes: arrayBytes + backendBytes + (backend === 'wasm' ? wasmGrowthSlack(wasmHeapBytes) : 0),
  };
}

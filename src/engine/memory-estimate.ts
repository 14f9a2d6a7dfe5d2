// Runs in worker and Node. The memory guard's arithmetic: each mode's peak backend bytes estimated from the
// config before anything is allocated, so a fit that cannot fit is refused with numbers instead of crashing
// the tab. Checked against the allocation-hook peak in tests (within 2×).
import type { BackendName, ModeName, OptimizerName, RunConfig } from '../shared/config';
import { formatBytes } from '../shared/format';
import { activationFloats, parameterCount, type Architecture } from './architecture';
import type { DataShape } from './data/types';

const FLOAT = 4;
const MB = 1024 * 1024;

/** Optimizer state per parameter, in copies of the weights (tfjs' slot variables). */
const OPTIMIZER_SLOTS: Record<OptimizerName, number> = { sgd: 0, adagrad: 1, rmsprop: 2, adam: 2 };

/** What a backend can hold when the user sets no budget: its own hard limits, rounded down. */
export const DEFAULT_BUDGET_BYTES: Record<BackendName, number> = {
  cpu: 2048 * MB, // typed arrays outside the JS heap; V8 caps one ArrayBuffer near 2 GiB here
  wasm: 4096 * MB, // wasm32 linear memory cannot grow past 4 GiB
  webgl: 1024 * MB, // textures share the GPU with the page; browsers lose the context well before the card is full
  webgpu: 2048 * MB,
};

export interface MemoryEstimate {
  total: number;
  /** Bytes holding the data set itself on the backend. */
  resident: number;
}

export function estimatePeakBytes(config: RunConfig, mode: ModeName, shape: DataShape, arch: Architecture): MemoryEstimate {
  // Weights, their gradients and the optimizer's slots.
  const model = parameterCount(arch) * FLOAT * (2 + OPTIMIZER_SLOTS[config.optimizer]);
  const batch = Math.min(config.batchSize, shape.samples);
  // Forward keeps each op's output (matMul or conv, bias-add, activation); backward makes about as many again.
  const activations = batch * activationFloats(arch) * FLOAT * 6;
  const rowBytes = (shape.features + shape.outputs) * FLOAT;
  const oneBatch = batch * rowBytes;
  const usesPipeline = mode === 'fitDataset' || (config.feed === 'pipeline' && mode !== 'fit');
  let resident = 0;
  let data = oneBatch;
  if (mode === 'fit') {
    resident = shape.samples * rowBytes;
    // fit's index tensor (one float a sample), its gathered batch, and validation_split's copies of x and y.
    data = shape.samples * FLOAT + 2 * oneBatch + (config.validationSplit > 0 ? resident : 0);
  } else if (usesPipeline) {
    data = oneBatch * (1 + config.prefetch) * (config.genYields === 'samples' ? 2 : 1);
  }
  return { total: resident + data + model + activations, resident };
}

export function budgetBytes(config: RunConfig, backend: BackendName): { bytes: number; source: string } {
  return config.budgetMb > 0
    ? { bytes: config.budgetMb * MB, source: 'budget-mb' }
    : { bytes: DEFAULT_BUDGET_BYTES[backend], source: `${backend}'s default` };
}

/** The guard's verdict for one mode: a message when it must not run, else null. */
export function guardMessage(config: RunConfig, mode: ModeName, backend: BackendName, estimate: MemoryEstimate): string | null {
  const budget = budgetBytes(config, backend);
  if (estimate.total <= budget.bytes) return null;
  return `${mode} refused: its estimated peak of ${formatBytes(estimate.total)} (${formatBytes(estimate.resident)} of it the data set held as tensors) exceeds the memory budget of ${formatBytes(budget.bytes)} (${budget.source})`;
}

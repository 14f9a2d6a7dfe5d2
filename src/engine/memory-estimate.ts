// Runs in worker and Node. The memory guard: each mode's peak backend bytes estimated from the config before
// anything is allocated (the terms are in memory/step-memory.ts; tests hold the estimate within 1.5× of the
// allocation hook's peak, scripts/memory-table.ts prints how close it is), checked against the memory budget
// and, when the host passes its limits, against what the host can hold at all (memory/host-guard.ts), so a
// fit that cannot fit is refused with numbers instead of crashing the tab.
import type { BackendName, ModeName, RunConfig } from '../shared/config';
import { formatBytes } from '../shared/format';
import { trainingRows } from '../shared/training-plan';
import type { Architecture } from './architecture';
import type { DataShape } from './data/types';
import type { BackendEstimate } from './memory/host-footprint';
import { hostRefusal } from './memory/host-guard';
import type { HostLimits } from './memory/host-limits';
import { FLOAT, dataMemory, stepFamily, stepMemory, type DataMemory, type StepMemory } from './memory/step-memory';

export { BROWSER_WORKER_LIMITS, NODE_HOST_LIMITS, hostLimits, type HostLimits, type HostReadings } from './memory/host-limits';

const MB = 1024 * 1024;

/** What a backend can hold when the user sets no budget: its own hard limits, rounded down. */
export const DEFAULT_BUDGET_BYTES: Record<BackendName, number> = {
  cpu: 2048 * MB, // typed arrays outside the JS heap; V8 caps one ArrayBuffer near 2 GiB here
  wasm: 4096 * MB, // wasm32 linear memory cannot grow past 4 GiB
  webgl: 1024 * MB, // textures share the GPU with the page; browsers lose the context well before the card is full
  webgpu: 2048 * MB,
};

export interface MemoryEstimate extends BackendEstimate {
  /** The terms that make up total (all bytes). */
  terms: MemoryTerms;
}

export interface MemoryTerms extends StepMemory, DataMemory {}

/** The mode's peak backend bytes: what persists (weights, slots, the data set) plus the step's higher point. */
export function estimatePeakBytes(config: RunConfig, mode: ModeName, shape: DataShape, arch: Architecture): MemoryEstimate {
  const trainSamples = trainingRows(shape.samples, config.validationSplit);
  const batch = Math.min(config.batchSize, trainSamples);
  const step = stepMemory(arch, shape, config.optimizer, batch, stepFamily(mode));
  const data = dataMemory(config, mode, shape, trainSamples);
  const total = step.weights + step.optimizerSlots + data.resident + data.inFlight + Math.max(step.backward, step.update);
  const widest = Math.max(shape.features, ...arch.layers.map((l) => l.outShape.reduce((a, b) => a * b, 1)));
  const largestTensorBytes = Math.max(
    data.resident > 0 ? shape.samples * shape.features * FLOAT : 0,
    batch * widest * FLOAT,
    step.largestWeightBytes,
  );
  return {
    total,
    resident: data.resident,
    dataSet: { samples: shape.samples, features: shape.features, outputs: shape.outputs },
    largestTensorBytes,
    terms: { ...step, ...data },
  };
}

export function budgetBytes(config: RunConfig, backend: BackendName): { bytes: number; source: string } {
  return config.budgetMb > 0
    ? { bytes: config.budgetMb * MB, source: 'budget-mb' }
    : { bytes: DEFAULT_BUDGET_BYTES[backend], source: `${backend}'s default` };
}

/**
 * The guard's verdict for one mode: a message when it must not run, else null. The budget is checked first;
 * with the host's limits, what the host cannot hold at all is refused too.
 */
export function guardMessage(
  config: RunConfig,
  mode: ModeName,
  backend: BackendName,
  estimate: MemoryEstimate,
  limits?: HostLimits,
): string | null {
  const budget = budgetBytes(config, backend);
  if (estimate.total <= budget.bytes) return limits ? hostRefusal(config, mode, backend, estimate, limits) : null;
  return `${mode} refused: its estimated peak of ${formatBytes(estimate.total)} (${formatBytes(estimate.resident)} of it the data set held as tensors) exceeds the memory budget of ${formatBytes(budget.bytes)} (${budget.source})`;
}

/** estimatePeakBytes and guardMessage in one call. */
export function guardMode(
  config: RunConfig,
  mode: ModeName,
  shape: DataShape,
  arch: Architecture,
  backend: BackendName,
  limits?: HostLimits,
): string | null {
  return guardMessage(config, mode, backend, estimatePeakBytes(config, mode, shape, arch), limits);
}

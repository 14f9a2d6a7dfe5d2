// Node test helpers: the engine on tfjs' pure-JS cpu backend.
import { tf } from '../../src/engine/tf';
import { runExperiment, type RunHooks } from '../../src/engine/run';
import { DEFAULT_CONFIG, cloneConfig, type RunConfig } from '../../src/shared/config';
import type { BatchMetric } from '../../src/shared/metrics';
import { rowToMetric } from '../../src/shared/metric-row';

export { tf };

export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

export function smallConfig(overrides: Partial<RunConfig> = {}): RunConfig {
  return { ...cloneConfig(DEFAULT_CONFIG as RunConfig), samples: 1024, features: 8, hidden: [32], batchSize: 32, epochs: 3, ...overrides };
}

export async function run(config: RunConfig, opts: { stopAfter?: number } = {}) {
  const metrics: BatchMetric[] = [];
  const signal = { stopped: false };
  const hooks: RunHooks = {
    signal,
    onBatch(row) {
      const m = rowToMetric(row);
      metrics.push(m);
      // A stop ends the whole run: the mode that reaches its n-th batch is the last one to train.
      if (opts.stopAfter !== undefined && metrics.filter((x) => x.mode === m.mode).length >= opts.stopAfter) signal.stopped = true;
    },
  };
  const result = await runExperiment(tf, config, 'cpu', hooks);
  return { result, metrics };
}

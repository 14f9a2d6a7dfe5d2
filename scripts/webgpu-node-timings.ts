// Measures the engine on tfjs' webgpu backend in Node (Dawn via npm `webgpu`), next to cpu for scale:
// per-mode median / p95 ms per batch. Usage: npx tsx scripts/webgpu-node-timings.ts [small|default|both]
import { registerNodeWebGPU } from '../src/cli/node-webgpu';
import { activateBackend } from '../src/engine/backend';
import { runExperiment } from '../src/engine/run';
import { tf } from '../src/engine/tf';
import { DEFAULT_CONFIG, cloneConfig, type BackendName, type RunConfig } from '../src/shared/config';

const CONFIGS: Record<string, Partial<RunConfig>> = {
  small: { samples: 512, batchSize: 32, epochs: 1, features: 8, hidden: [32] },
  default: {},
};
const which = process.argv[2] ?? 'both';
const names = which === 'both' ? Object.keys(CONFIGS) : [which];

const { probe } = await registerNodeWebGPU();
const probed = await probe();
console.log(`webgpu adapter: ${probed.adapter ?? `none (${probed.unavailable})`}`);

for (const name of names) {
  const config = { ...cloneConfig(DEFAULT_CONFIG as RunConfig), ...CONFIGS[name] };
  const { samples, batchSize, epochs, features, hidden, optimizer } = config;
  console.log(`\n${name}: samples ${samples}, batch ${batchSize}, epochs ${epochs}, features ${features}, hidden [${hidden}], ${optimizer}`);
  for (const backend of ['cpu', 'webgpu'] as BackendName[]) {
    if (backend === 'webgpu' && probed.unavailable) continue;
    const info = await activateBackend(tf, backend, { webgpu: probe });
    const started = performance.now();
    const result = await runExperiment(tf, config, info.active, { signal: { stopped: false }, onBatch: () => {} });
    for (const s of result.summaries) {
      const cells = [
        info.active.padEnd(6),
        s.mode.padEnd(12),
        `batches ${String(s.batches).padStart(4)}`,
        `median ${s.msPerBatchMedian.toFixed(2).padStart(7)} ms`,
        `p95 ${s.msPerBatchP95.toFixed(2).padStart(7)} ms`,
        `total ${(s.totalMs / 1000).toFixed(1).padStart(6)} s`,
        `leaked ${s.leakedTensors}`,
        `final loss ${s.finalLoss.toFixed(5)}`,
      ];
      console.log(`  ${cells.join('  ')}`);
    }
    console.log(`  ${info.active} run wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

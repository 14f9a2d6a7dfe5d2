// The modes side by side on several backends, as a markdown table: ms per batch (median), the ratio to the
// hand loop, and loss readbacks, for two model sizes and two readback policies. On a GPU machine this is the
// table that settles fitscope's GPU claims (the cost of reading the loss back every batch, fit against a
// generator); on this machine webgpu runs on a software adapter, named in the output.
//   npx tsx scripts/backend-table.ts [--backends cpu,wasm,webgpu] [--sizes default,wide] [--readback every,epoch]
import '@tensorflow/tfjs-backend-wasm';
import { registerNodeWebGPU } from '../src/cli/node-webgpu';
import { activateBackend, type BackendProbes } from '../src/engine/backend';
import { runExperiment } from '../src/engine/run';
import { tf } from '../src/engine/tf';
import { DEFAULT_CONFIG, MODE_NAMES, cloneConfig, type BackendName, type Readback, type RunConfig } from '../src/shared/config';

function flag(name: string, fallback: string): string[] {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback).split(',');
}

const SIZES: Record<string, Partial<RunConfig>> = {
  // The default config: a small MLP, batch 32.
  default: { samples: 4096, epochs: 2 },
  // Wide enough to keep a GPU busy: 1024-unit layers, batch 1024.
  wide: { samples: 16_384, epochs: 1, hidden: [1024, 1024], batchSize: 1024 },
};

const backends = flag('backends', 'cpu,wasm,webgpu') as BackendName[];
const sizes = flag('sizes', 'default,wide');
const readbacks = flag('readback', 'every,epoch') as Readback[];

const probes: BackendProbes = {};
if (backends.includes('webgpu')) probes.webgpu = (await registerNodeWebGPU()).probe;

console.log(`date: ${new Date().toISOString().slice(0, 10)}; node ${process.version}; tfjs ${tf.version.tfjs}`);
const rows: string[] = [];
for (const backend of backends) {
  let info;
  try {
    info = await activateBackend(tf, backend, probes);
  } catch (e) {
    console.log(`${backend}: ${(e as Error).message}`);
    continue;
  }
  console.log(`${backend}: ${info.adapter ?? 'no adapter (CPU backend)'}`);
  for (const size of sizes) {
    for (const readback of readbacks) {
      const config: RunConfig = { ...cloneConfig(DEFAULT_CONFIG as RunConfig), ...SIZES[size], readback, backend };
      const result = await runExperiment(tf, config, info.active, { signal: { stopped: false }, onBatch() {} });
      const by = Object.fromEntries(result.summaries.map((s) => [s.mode, s]));
      const cells = MODE_NAMES.map((m) => `${by[m].msPerBatchMedian.toFixed(2)} (${by[m].vsLoop.toFixed(2)}×, ${by[m].lossReads} reads)`);
      rows.push(`| ${backend} | ${size} [${config.hidden.join(',')}] batch ${config.batchSize} | ${readback} | ${cells.join(' | ')} |`);
      process.stderr.write(`${rows.at(-1)}\n`);
    }
  }
}
console.log(`\n| backend | model | readback | ${MODE_NAMES.join(' | ')} |`);
console.log(`| --- | --- | --- | ${MODE_NAMES.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(row);
console.log('\nCells: median ms per batch (ratio to the loop mode, loss readbacks during training).');
process.exit(0);

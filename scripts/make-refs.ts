// Records the reference result files shipped under public/refs/ (the `ref` link key loads them): each named
// preset's config run through the CLI's engine in Node, written in the page's JSON export format with its
// per-batch columns thinned to at most --max-rows records per mode (the summaries are the engine's own, from
// every batch). The config's backend is the one the file was recorded on.
//   npx tsx scripts/make-refs.ts [--backend wasm|cpu|webgpu] [--presets small-data-fit,leaky-loop] [--max-rows 200] [--out public/refs]
// Default: the presets of src/links/reference-runs.ts on wasm. On a GPU machine, `--backend webgpu --presets
// small-model-webgpu,large-model-webgpu` records GPU references (add their names to REFERENCE_RUNS to ship them).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { activateNodeBackend } from '../src/cli/node-backends';
import { nodeAssets } from '../src/cli/node-assets';
import { collectNodeMachineInfo } from '../src/cli/node-machine';
import { openNodeShards } from '../src/cli/node-shard-store';
import { kernelsFor } from '../src/engine/kernels';
import { runExperiment } from '../src/engine/run';
import { tf } from '../src/engine/tf';
import { BACKEND_PREFERENCES, type BackendPreference } from '../src/shared/config';
import { describeMachine } from '../src/shared/machine';
import { MetricPacker } from '../src/shared/metric-chunk';
import { PRESETS, presetConfig } from '../src/presets/presets';
import { REFERENCE_RUNS } from '../src/links/reference-runs';
import { RunBook } from '../src/ui/chart-data/run-book';
import { exportJson } from '../src/ui/export/export-data';
import { thinRows } from '../src/ui/refs/thin-rows';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const backend = (flag('backend') ?? 'wasm') as BackendPreference;
if (!BACKEND_PREFERENCES.includes(backend)) throw new Error(`--backend ${backend}: not one of ${BACKEND_PREFERENCES.join(', ')}`);
const names = (flag('presets') ?? REFERENCE_RUNS.join(',')).split(',').filter(Boolean);
const maxRows = Number(flag('max-rows') ?? 200);
const outDir = flag('out') ?? fileURLToPath(new URL('../public/refs', import.meta.url));
mkdirSync(outDir, { recursive: true });

for (const name of names) {
  const preset = PRESETS.find((p) => p.id === name);
  if (!preset) throw new Error(`no preset named ${name} (src/presets/presets.ts)`);
  const config = { ...presetConfig(preset), backend };
  const info = await activateNodeBackend(tf, backend, kernelsFor(config));
  const machine = await collectNodeMachineInfo(tf, info);
  process.stderr.write(`${name}: ${describeMachine(machine)}\n`);
  const packer = new MetricPacker(4096);
  const result = await runExperiment(tf, config, info.active, {
    signal: { stopped: false },
    onBatch: (row) => packer.push(row),
    openShards: (c) => openNodeShards(c),
    assets: nodeAssets(),
  });
  const book = new RunBook();
  const run = book.add(config, 0);
  run.append(thinRows(packer.take(), maxRows));
  run.backend = info;
  run.machine = machine;
  run.summaries = result.summaries;
  run.result = { runId: run.id, backend: info, machine, ...result, receivedBatches: result.totalBatches };
  run.phase = 'done';
  run.engine = `fitscope (TensorFlow.js ${tf.version.tfjs}, Node)`;
  const file = join(outDir, `${name}.json`);
  writeFileSync(file, `${exportJson([run], new Date())}\n`);
  const line = result.summaries.map((s) => `${s.mode} ${s.refused ? 'refused' : `${s.msPerBatchMedian.toFixed(3)} ms/batch`}`).join(', ');
  process.stderr.write(`  → ${file} (${run.log.count} records): ${line}\n`);
}

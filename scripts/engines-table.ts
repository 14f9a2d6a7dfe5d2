// tfjs beside real Keras on one setup, as a markdown table: each engine runs through its own CLI exactly as a
// user would run it (`npm run bench`, `npm run keras`), with repeats, and the table gives every mode's median
// ms per batch with its 95 % interval from the repeats, the ratio to the same engine's loop (paired interval
// and verdict), and the ratio to Keras on one thread. Engines run one after another, not interleaved, so a
// ratio across engines is a ratio of medians: its bracket (lowA / highB … highA / lowB) is given, not a
// paired interval.
//   npx tsx scripts/engines-table.ts [--repeats 5] [--engines cpu,wasm,webgpu,keras1,keras0] [-- bench flags…]
// (engines: cpu, wasm, wasmtuned, webgpu, keras1, keras0)
import { spawnSync } from 'node:child_process';
import { MODE_NAMES } from '../src/shared/config';

interface Summary {
  mode: string;
  msPerBatchMedian: number;
  msPerBatchLow: number | null;
  msPerBatchHigh: number | null;
  repeats: number;
}
interface Comparison {
  mode: string;
  against: string;
  estimate: number;
  low: number | null;
  high: number | null;
  verdict: string;
}
interface EngineRun {
  label: string;
  engine: string;
  summaries: Map<string, Summary>;
  comparisons: Comparison[];
}

const ENGINES: Record<string, { label: string; command: string; flags: string[] }> = {
  cpu: { label: 'tfjs cpu', command: 'src/cli/bench.ts', flags: ['--backend', 'cpu'] },
  wasm: { label: 'tfjs wasm', command: 'src/cli/bench.ts', flags: ['--backend', 'wasm'] },
  wasmtuned: { label: 'tfjs wasm, tuned kernels', command: 'src/cli/bench.ts', flags: ['--backend', 'wasm', '--kernels', 'tuned'] },
  webgpu: { label: 'tfjs WebGPU (Dawn)', command: 'src/cli/bench.ts', flags: ['--backend', 'webgpu'] },
  keras1: { label: 'Keras, 1 thread', command: 'src/cli/keras.ts', flags: ['--threads', '1'] },
  keras0: { label: 'Keras, all threads', command: 'src/cli/keras.ts', flags: ['--threads', '0'] },
};

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const repeats = option('repeats', '5');
const engines = option('engines', 'cpu,wasm,webgpu,keras1,keras0').split(',');
const dash = process.argv.indexOf('--');
const setup = dash >= 0 ? process.argv.slice(dash + 1) : [];
const unknown = engines.filter((e) => !(e in ENGINES));
if (unknown.length) {
  console.error(`unknown engine(s) ${unknown.join(', ')}; known: ${Object.keys(ENGINES).join(', ')}`);
  process.exit(2);
}

function run(key: string): EngineRun | null {
  const { label, command, flags } = ENGINES[key];
  const args = ['--import', 'tsx', command, '--json', '--repeats', repeats, ...flags, ...setup];
  process.stderr.write(`${label}: ${command} ${args.slice(3).join(' ')}\n`);
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.status !== 0) {
    process.stderr.write(`${label}: exit ${child.status}: ${child.stderr.trim().split('\n').slice(-3).join(' / ')}\n`);
    return null;
  }
  const [result] = JSON.parse(child.stdout).runs;
  return {
    label,
    engine: result.engine ?? `fitscope ${result.backend.active}`,
    summaries: new Map((result.summaries as Summary[]).map((s) => [s.mode, s])),
    comparisons: result.comparisons,
  };
}

const f = (v: number | null | undefined, digits = 2) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '–');
const runs = engines.map(run).filter((r): r is EngineRun => r !== null);
const reference = runs.find((r) => r.label === ENGINES.keras1.label) ?? null;

console.log(`date: ${new Date().toISOString().slice(0, 10)}; setup flags: ${setup.join(' ') || '(defaults)'}; --repeats ${repeats}`);
for (const r of runs) console.log(`- ${r.label}: ${r.engine}`);
console.log('\n| engine | mode | ms per batch (95 % CI) | × own loop (95 % CI), verdict | × Keras 1 thread (bracket) |');
console.log('| --- | --- | --- | --- | --- |');
for (const mode of MODE_NAMES) {
  for (const r of runs) {
    const s = r.summaries.get(mode);
    if (!s) continue;
    const c = r.comparisons.find((x) => x.mode === mode && x.against === 'loop');
    const own = mode === 'loop' ? '1' : c ? `${f(c.estimate)} (${f(c.low)}–${f(c.high)}), ${c.verdict}` : '–';
    const k = reference?.summaries.get(mode);
    const cross =
      k && r !== reference
        ? `${f(s.msPerBatchMedian / k.msPerBatchMedian)} (${f((s.msPerBatchLow ?? NaN) / (k.msPerBatchHigh ?? NaN))}–${f((s.msPerBatchHigh ?? NaN) / (k.msPerBatchLow ?? NaN))})`
        : r === reference
          ? '1'
          : '–';
    console.log(
      `| ${r.label} | ${mode} | ${f(s.msPerBatchMedian, 3)} (${f(s.msPerBatchLow, 3)}–${f(s.msPerBatchHigh, 3)}) | ${own} | ${cross} |`,
    );
  }
}
console.log(
  '\nms per batch: median of the steady batches, interval from the repeats (rotated order within each engine). × own loop: paired over the repeats. × Keras 1 thread: ratio of medians; engines ran one after another.',
);

// Does fitscope's own instrumentation change what it measures? For each backend and mode this runs training
// with streaming ON (A: memory read every batch, allocation hook on, each row packed into a MetricPacker and
// flushed every FLUSH_INTERVAL_MS as src/worker/trainer.ts does) and OFF (B: no memory reads, no hook, an
// onBatch that only notes the time), in A B B A blocks within one process, same config, data and weights.
// Everything else (loss readback policy, callbacks) is the same on both sides: only the streaming differs.
//
// Per run it keeps three series of batch times, and per mode it gives an interval of the ON/OFF ratio of each
// (ratioInterval over the paired runs: in each A B B A block the first A pairs with the first B and the second
// B with the second A, so a steady drift of the machine cancels in the pairs' geometric mean):
// - per batch, CPU and wall: from one onBatch to the next, i.e. a batch plus all of the recorder's bookkeeping
//   and the streaming work for it (loss read, memory read, packing): what streaming costs the user. CPU time
//   is the process's (process.cpuUsage): on a shared machine it does not count the time spent waiting for a
//   core, which swamps wall times there;
// - recorded: the batch times the recorder reports (what the page shows). The recorder leaves its own
//   bookkeeping out of them, so this asks whether measuring changes the measurement.
// All are steady medians, robust to the random stalls of a shared machine. A median leaves out the rare
// batch that also flushes a chunk, so the flushes' share of the run's time is measured apart and printed.
//   npx tsx scripts/observer-bench.ts [--blocks 4] [--backends wasm,cpu] [--samples 4096] [--modes fit,loop]
import { availableParallelism, loadavg } from 'node:os';
import { activateNodeBackend } from '../src/cli/node-backends';
import { nodeAssets } from '../src/cli/node-assets';
import { kernelsFor } from '../src/engine/kernels';
import { prepareRun, runMode, type PreparedRun, type RunHooks } from '../src/engine/run';
import { tf } from '../src/engine/tf';
import { DEFAULT_CONFIG, MODE_NAMES, cloneConfig, type BackendName, type ModeName, type RunConfig } from '../src/shared/config';
import { MetricPacker } from '../src/shared/metric-chunk';
import { COL, type MetricRow } from '../src/shared/metric-row';
import { median, ratioInterval, verdict, DEFAULT_LEVEL, type Interval, type RatioInterval } from '../src/shared/stats';
import { FLUSH_INTERVAL_MS } from '../src/worker/trainer';

/** The observer-effect target: streaming may cost at most this much, at the interval's upper bound. */
const TARGET = 0.05;
/** Untimed ON/OFF pairs before each mode's blocks. */
const WARMUP_PAIRS = 2;
const BENCH_BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];
const USAGE =
  'usage: npx tsx scripts/observer-bench.ts [--blocks 1…50] [--backends wasm,cpu] [--samples 1024…1000000] [--modes fit,fitDataset,trainOnBatch,loop]';

interface Options {
  blocks: number;
  samples: number;
  backends: BackendName[];
  modes: ModeName[];
}

class UsageError extends Error {}

function flagValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
  return value;
}

function intFlag(argv: readonly string[], name: string, fallback: number, min: number, max: number): number {
  const raw = flagValue(argv, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function listFlag<T extends string>(argv: readonly string[], name: string, allowed: readonly T[], fallback: readonly T[]): T[] {
  const raw = flagValue(argv, name);
  if (raw === undefined) return [...fallback];
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = items.filter((s) => !allowed.includes(s as T));
  if (!items.length || unknown.length)
    throw new UsageError(
      `--${name} takes a comma-separated list of ${allowed.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
    );
  return [...new Set(items as T[])];
}

function parseOptions(argv: readonly string[]): Options {
  const known = new Set(['--blocks', '--samples', '--backends', '--modes']);
  const stray = argv.filter((a, i) => !known.has(a) && !(i > 0 && known.has(argv[i - 1])));
  if (stray.length) throw new UsageError(stray[0].startsWith('--') ? `unknown flag ${stray[0]}` : `unexpected argument "${stray[0]}"`);
  return {
    blocks: intFlag(argv, 'blocks', 4, 1, 50),
    samples: intFlag(argv, 'samples', 4096, 1024, 1_000_000),
    backends: listFlag(argv, 'backends', BENCH_BACKENDS, BENCH_BACKENDS),
    modes: listFlag(argv, 'modes', MODE_NAMES, MODE_NAMES),
  };
}

/** The process's CPU time in ms (every thread: V8's helpers and the backend's included). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** One run's times: each batch's recorded ms, each onBatch-to-onBatch cycle (wall and CPU), and the flushes' CPU. */
class RunTimes {
  readonly recordedMs: number[] = [];
  readonly cycleMs: number[] = [];
  readonly cycleCpuMs: number[] = [];
  flushCpuMs = 0;
  private last = NaN;
  private lastCpu = NaN;

  /** Called first thing in onBatch, the same way on both sides. */
  note(row: MetricRow): void {
    const now = performance.now();
    const cpu = cpuMs();
    this.recordedMs.push(row[COL.ms]);
    if (!Number.isNaN(this.last)) {
      this.cycleMs.push(now - this.last);
      this.cycleCpuMs.push(cpu - this.lastCpu);
    }
    this.last = now;
    this.lastCpu = cpu;
  }
}

/** Streaming as the worker does it: every row packed, a chunk taken and posted every FLUSH_INTERVAL_MS. */
function streamingOn(times: RunTimes): RunHooks {
  const packer = new MetricPacker();
  let lastFlush = performance.now();
  const flush = (): void => {
    if (packer.size === 0) return;
    const cpu = cpuMs();
    const chunk = packer.take();
    // Stands in for postMessage with a transfer list: the chunk is serialised and its buffer moved.
    structuredClone(chunk, { transfer: [chunk.data.buffer] });
    times.flushCpuMs += cpuMs() - cpu;
    lastFlush = performance.now();
  };
  return {
    signal: { stopped: false },
    onBatch(row: MetricRow) {
      times.note(row);
      packer.push(row);
      if (performance.now() - lastFlush >= FLUSH_INTERVAL_MS) flush();
    },
  };
}

function streamingOff(times: RunTimes): RunHooks {
  return {
    signal: { stopped: false },
    sampleMemory: false,
    trackPeak: false,
    onBatch(row: MetricRow) {
      times.note(row);
    },
  };
}

async function timeRun(backend: BackendName, mode: ModeName, prepared: PreparedRun, on: boolean): Promise<RunTimes> {
  const times = new RunTimes();
  // The worker also flushes a mode's last rows at its end, after the clock has stopped: not timed, not done here.
  const hooks = on ? streamingOn(times) : streamingOff(times);
  const summary = await runMode(tf, backend, mode, prepared, hooks);
  if (summary.refused) throw new Error(`${mode} was refused on ${backend}: ${summary.refused}`);
  if (summary.timing !== 'batch') throw new Error(`${mode} recorded per-epoch times: the bench needs per-batch callbacks`);
  return times;
}

/**
 * Per batch, a cycle minus its recorded time: the recorder's work after one batch's clock stops (loss read,
 * memory read, sink) and before the next one's starts (yield check). cycleMs[i] ends at batch i + 1's onBatch.
 */
function bookkeepingMs(run: RunTimes): number[] {
  return run.cycleMs.map((cycle, i) => cycle - run.recordedMs[i + 1]);
}

interface ModeResult {
  backend: BackendName;
  mode: ModeName;
  cpu: Interval;
  cycle: Interval;
  recorded: Interval;
  /** The median share of a streaming run's CPU time per batch spent flushing chunks. */
  flushShare: number;
  /** Median wall ms per batch outside the recorded batch time (the recorder's and the sink's own work), ON and OFF. */
  overheadMs: { on: number; off: number };
}

/** A B B A, `blocks` times; returns ON/OFF intervals over the 2 × blocks adjacent pairs. */
async function measureMode(backend: BackendName, mode: ModeName, prepared: PreparedRun, blocks: number): Promise<ModeResult> {
  // Untimed runs first: a fresh process needs several runs before its batch times settle (JIT, kernel set-up,
  // pool growth; 2–3× slower at first), a decay the A B B A pairing would not cancel.
  for (let i = 0; i < WARMUP_PAIRS; i++) {
    await timeRun(backend, mode, prepared, true);
    await timeRun(backend, mode, prepared, false);
  }
  const on: RunTimes[] = [];
  const off: RunTimes[] = [];
  for (let b = 0; b < blocks; b++) {
    on.push(await timeRun(backend, mode, prepared, true));
    off.push(await timeRun(backend, mode, prepared, false));
    off.push(await timeRun(backend, mode, prepared, false));
    on.push(await timeRun(backend, mode, prepared, true));
  }
  return {
    backend,
    mode,
    cpu: ratioInterval(
      on.map((r) => r.cycleCpuMs),
      off.map((r) => r.cycleCpuMs),
    ),
    cycle: ratioInterval(
      on.map((r) => r.cycleMs),
      off.map((r) => r.cycleMs),
    ),
    recorded: ratioInterval(
      on.map((r) => r.recordedMs),
      off.map((r) => r.recordedMs),
    ),
    flushShare: median(on.map((r) => r.flushCpuMs / r.cycleCpuMs.reduce((sum, ms) => sum + ms, 0))),
    overheadMs: { on: median(on.flatMap(bookkeepingMs)), off: median(off.flatMap(bookkeepingMs)) },
  };
}

const signedPercent = (ratio: number) => `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(1)} %`;
const range = (r: RatioInterval) => (Number.isNaN(r.low) ? '–' : `${signedPercent(r.low)} … ${signedPercent(r.high)}`);
const width = (r: RatioInterval) => (Number.isNaN(r.low) ? '–' : `${((r.high - r.low) * 100).toFixed(1)} pp`);
const withinTarget = (r: RatioInterval) => (Number.isNaN(r.high) ? 'n/a' : r.high <= 1 + TARGET ? 'yes' : 'no');

const micros = (ms: number) => `${Math.round(ms * 1000)} µs`;
const cell = (r: Interval) => `${signedPercent(r.estimate)} (${range(r)})`;

function table(results: readonly ModeResult[]): string {
  const names = { a: 'streaming on', b: 'streaming off' };
  const head = [
    '| backend | mode | CPU per batch: cost (95 % CI) | width | upper ≤ +5 %? | verdict (CPU) | wall per batch: cost (95 % CI) | upper ≤ +5 %? | recorded batch time: cost (95 % CI) | upper ≤ +5 %? | flushes | outside the clock, ON / OFF |',
    '| --- | --- | --- | ---: | --- | --- | --- | --- | --- | --- | ---: | ---: |',
  ];
  const rows = results.map(({ backend, mode, cpu, cycle, recorded, flushShare, overheadMs }) =>
    [
      backend,
      mode,
      cell(cpu),
      width(cpu),
      withinTarget(cpu),
      verdict(cpu, names).text,
      cell(cycle),
      withinTarget(cycle),
      cell(recorded),
      withinTarget(recorded),
      `${(flushShare * 100).toFixed(2)} %`,
      `${micros(overheadMs.on)} / ${micros(overheadMs.off)}`,
    ].join(' | '),
  );
  return [...head, ...rows.map((r) => `| ${r} |`)].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`observer-bench: ${e.message}\n${USAGE}`);
    return 2;
  }
  const { blocks, samples, backends, modes } = options;
  const base: RunConfig = { ...cloneConfig(DEFAULT_CONFIG as RunConfig), samples, epochs: 1, modes, repeats: 1 };
  console.log(`command: npx tsx scripts/observer-bench.ts ${argv.join(' ')}`.trimEnd());
  console.log(
    `setup: ${base.dataset}, ${samples} samples, batch ${base.batchSize}, ${base.epochs} epochs, hidden [${base.hidden.join(', ')}], readback ${base.readback}; ${blocks} A B B A blocks (${2 * blocks} pairs) per mode`,
  );
  const results: ModeResult[] = [];
  const started = performance.now();
  for (const backend of backends) {
    const config = { ...base, backend };
    const active = (await activateNodeBackend(tf, backend, kernelsFor(config))).active;
    const prepared = await prepareRun(config, { assets: nodeAssets() }, active);
    for (const mode of modes) {
      const result = await measureMode(active, mode, prepared, blocks);
      results.push(result);
      console.error(
        `  ${active} ${mode}: CPU ${signedPercent(result.cpu.estimate)}, wall ${signedPercent(result.cycle.estimate)}, recorded ${signedPercent(result.recorded.estimate)} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  }
  console.log();
  console.log(table(results));
  console.log();
  console.log(
    `cost = ON/OFF − 1 of the steady medians, ${DEFAULT_LEVEL * 100} % interval over ${2 * blocks} adjacent A/B pairs (ratioInterval, log-scale t); width in percentage points.`,
  );
  console.log("Per batch = from one onBatch to the next: the batch plus the recorder's and the stream's work for it, as the process's CPU");
  console.log('time (immune to waiting for a core) and as wall time. recorded = the batch times the recorder reports (its own');
  console.log('bookkeeping is outside them). flushes = the CPU time of an ON run spent flushing chunks (median share).');
  console.log(
    "outside the clock = median wall time per batch between the recorded batch times: the recorder's own work (loss read, memory read, sink).",
  );
  console.log(
    `Caveat: measured on a shared machine (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} on ${availableParallelism()} cores at the end): waiting for a core`,
  );
  console.log('inflates wall times at random and widens their intervals; CPU time is the steadier measure there. Compare within one run.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

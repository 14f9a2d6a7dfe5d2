// Runs in Node. One Keras run: the engine prepares the data and initial weights exactly as for a tfjs run,
// they are exported to a temporary folder, and the Python runner trains each mode in real Keras: in its own
// process by default, so each mode's peak memory is its own.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareRun, type RunHooks } from '../../engine/run';
import type { Tf } from '../../engine/tf';
import type { ModeName, RunConfig } from '../../shared/config';
import { repeatOrder } from '../../shared/stats';
import type { Comparison, RunNoise } from '../../shared/metrics';
import { exportRun, tfjsOptimizerSettings } from './export';
import { knobNotes } from './knobs';
import { KERAS_RUNNER, MISSING_EXIT, SETUP_HINT } from './paths';
import { compareKerasModes, describeEngine, memoryQuantity, toSummary, type KerasModeResult, type KerasModeSummary } from './summary';

export interface KerasRunOptions {
  python: string;
  /** TensorFlow intra- and inter-op threads; 0 = TensorFlow's default (all cores). */
  threads: number;
  /** PyDataset worker threads when the generator prefetches. */
  workers: number;
  /** One Python process per mode (default), or one for all modes (faster start; memory less clean). */
  isolate: boolean;
  log?: (line: string) => void;
  hooks?: Pick<RunHooks, 'assets' | 'csv'>;
}

export interface KerasRun {
  summaries: KerasModeSummary[];
  comparisons: Comparison[];
  noise: RunNoise;
  /** What the engine changed about the request (as bench prints them). */
  notices: string[];
  /** How the knobs map onto Keras: one line per knob without a counterpart. */
  knobNotes: string[];
  engine: string;
}

/** The runner is missing Python, TensorFlow or Keras: the message says what and how to install it. */
export class KerasMissingError extends Error {
  override name = 'KerasMissingError';
}

export class KerasRunnerError extends Error {
  override name = 'KerasRunnerError';
}

const RESULT_PREFIX = 'FITSCOPE_RESULT ';
// TensorFlow's start-up lines that say nothing about the run.
const NOISE = [/^WARNING: All log messages before absl::InitializeLog\(\)/, /oneDNN custom operations are on/, /^I0000 /];

function runPython(python: string, args: string[], log: (line: string) => void): Promise<KerasModeResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [KERAS_RUNNER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const results: KerasModeResult[] = [];
    const stderrTail: string[] = [];
    let stdoutRest = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (stdoutRest + chunk).split('\n');
      stdoutRest = lines.pop() ?? '';
      for (const line of lines)
        if (line.startsWith(RESULT_PREFIX)) results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as KerasModeResult);
    });
    let stderrRest = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (stderrRest + chunk).split('\n');
      stderrRest = lines.pop() ?? '';
      for (const line of lines.filter((l) => l.trim() && !NOISE.some((re) => re.test(l)))) {
        stderrTail.push(line);
        if (stderrTail.length > 20) stderrTail.shift();
        log(`  [keras] ${line}`);
      }
    });
    child.on('error', (e) =>
      reject(new KerasMissingError(`cannot start ${python}: ${e.message}; run \`${SETUP_HINT}\` or pass --python PATH`)),
    );
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(results);
      const last = stderrTail.at(-1) ?? `exit ${code ?? signal}`;
      if (code === MISSING_EXIT) return reject(new KerasMissingError(last.replace(/^fitscope keras: /, '')));
      reject(new KerasRunnerError(`the Keras runner failed (exit ${code ?? signal}): ${stderrTail.slice(-6).join('\n')}`));
    });
  });
}

export async function runKeras(tf: Tf, requested: RunConfig, options: KerasRunOptions): Promise<KerasRun> {
  const log = options.log ?? (() => {});
  // The rows are exported from memory whatever the source setting (knobNotes says so), so no shards are made.
  const prepared = await prepareRun({ ...requested, source: 'memory' }, options.hooks ?? {});
  const config: RunConfig = { ...prepared.config, source: requested.source };
  const folder = await mkdtemp(join(tmpdir(), 'fitscope-keras-'));
  try {
    await exportRun(folder, prepared, tfjsOptimizerSettings(tf, config.optimizer, config.learningRate));
    const flags = ['--threads', String(options.threads), '--workers', String(options.workers)];
    // One process per mode keeps each mode's peak memory its own; with repeats, one process runs every repeat
    // in rotated order (ABBA…), as the engine does: a process per mode and repeat would pay TensorFlow's
    // start-up (15–25 s here) each time, and repeats of one mode must not run back to back.
    const order = repeatOrder(config.modes, config.repeats).flat();
    const isolate = options.isolate && config.repeats === 1;
    const processes: ModeName[][] = isolate ? order.map((m) => [m]) : [order];
    const results: KerasModeResult[] = [];
    for (const modes of processes) {
      log(`keras: ${config.repeats > 1 ? `${config.repeats} repeats of ` : ''}${isolate ? modes.join(', ') : config.modes.join(', ')}…`);
      results.push(...(await runPython(options.python, [folder, modes.join(','), ...flags], log)));
    }
    if (results.length === 0) throw new KerasRunnerError('the Keras runner printed no results');
    const engine = describeEngine(results[0], cpus().length);
    const byMode = new Map<ModeName, KerasModeResult[]>(config.modes.map((m) => [m, results.filter((r) => r.mode === m)]));
    const summaries = config.modes
      .filter((m) => byMode.get(m)!.length > 0)
      .map((m) => {
        const list = byMode.get(m)!;
        return toSummary(config, prepared.shape.samples, list, engine, memoryQuantity(list[0], isolate));
      });
    return {
      summaries,
      ...compareKerasModes(summaries, byMode),
      notices: prepared.notices,
      knobNotes: knobNotes(config, { workers: options.workers }),
      engine,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

// Runs in Node: `npm run keras -- <bench's flags> [--threads N] [--python PATH]`. The same setup as
// `npm run bench` (same data, same initial weights, same batch order) trained by real Python Keras on
// TensorFlow's CPU kernels, printed as bench prints it: the table, or --json, plus the engine's name and the
// process memory each mode took. Exit codes: 0 ran, 2 bad flags or setup, 5 Python/TensorFlow/Keras missing.
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { CsvInput } from '../engine/data/csv/source';
import { tf } from '../engine/tf';
import { ERROR_NAMES } from '../shared/errors';
import { CliUsageError, parseArgs, usage } from './args';
import { formatTable, resultDocument } from './format-table';
import { collectNodeMachineInfo } from './node-machine';
import { KERAS_FLAG_HELP, takeKerasFlags } from './keras/options';
import { MISSING_EXIT, SETUP_HINT, kerasVenvDir, venvPython } from './keras/paths';
import { KerasMissingError, runKeras } from './keras/run-keras';
import { kerasJson, memoryLines } from './keras/summary';
import { activateNodeBackend } from './node-backends';
import { nodeAssets } from './node-assets';

const fail = (message: string, code: number) => {
  process.stderr.write(`fitscope keras: ${message}\n`);
  return code;
};

function kerasUsage(): string {
  return [
    'Usage: npm run keras -- [bench flags] [keras flags]',
    'Runs the setup bench would run in real Python Keras (TensorFlow CPU) and prints one summary per mode.',
    '',
    'Keras flags:',
    ...KERAS_FLAG_HELP,
    '',
    ...usage().split('\n').slice(3),
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    const { flags, rest } = takeKerasFlags(argv);
    parsed = { flags, options: parseArgs(rest) };
  } catch (e) {
    if (e instanceof CliUsageError) return fail(`${e.message}\nRun with --help for the flags.`, 2);
    throw e;
  }
  const { flags, options } = parsed;
  if (options.help) {
    process.stdout.write(`${kerasUsage()}\n`);
    return 0;
  }
  const python = flags.python ?? venvPython(kerasVenvDir());
  if (!flags.python && !existsSync(python))
    return fail(`no Python at ${python}: run \`${SETUP_HINT}\` to make the Keras venv (or pass --python PATH)`, MISSING_EXIT);
  let csv: CsvInput | undefined;
  if (options.csv) {
    const path = options.csv;
    if (!existsSync(path)) return fail(`--csv ${path}: no such file`, 2);
    csv = { name: basename(path), open: () => createReadStream(path), ...(options.label ? { label: options.label } : {}) };
  }
  const { config } = options;
  // tfjs' cpu backend only reads the optimizer settings Keras is given; nothing trains in tfjs here.
  await activateNodeBackend(tf, 'cpu');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(
    `data: ${config.dataset}, ${config.samples} samples; ${config.model} hidden [${config.hidden.join(', ')}]; ${config.optimizer} lr ${config.learningRate}; batch ${config.batchSize}; ${config.epochs} epochs`,
  );
  let run;
  try {
    run = await runKeras(tf, config, {
      python,
      threads: flags.threads,
      workers: flags.workers,
      isolate: flags.isolate,
      log,
      hooks: { assets: nodeAssets(), csv },
    });
  } catch (e) {
    const error = e as Error;
    if (error instanceof KerasMissingError) return fail(error.message, MISSING_EXIT);
    if (error?.name === ERROR_NAMES.invalidData || error?.name === ERROR_NAMES.invalidConfig) return fail(error.message, 2);
    throw e;
  }
  if (options.json) log(`engine: ${run.engine}`);
  for (const notice of run.notices) log(`note: ${notice}`);
  for (const note of run.knobNotes) log(`keras: ${note}`);
  if (options.json) {
    // The same document as bench and the page's export, so the page imports a Keras run like any other.
    const backend = { active: 'cpu' as const, requested: config.backend, fallbacks: [] };
    const machine = await collectNodeMachineInfo(tf, backend);
    const extras = kerasJson(
      run.summaries.map(() => ({})),
      run.summaries,
    );
    process.stdout.write(`${resultDocument([{ ...run, config, backend, machine, stopped: false, summaryExtras: extras }], new Date())}\n`);
  } else {
    process.stdout.write(`engine: ${run.engine}\n${formatTable(run)}\n${memoryLines(run.summaries).join('\n')}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`fitscope keras: ${(e as Error)?.stack ?? e}\n`);
    process.exit(1);
  },
);

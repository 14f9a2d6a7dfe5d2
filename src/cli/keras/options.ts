// Runs in Node. The Keras runner's own flags, taken out before the rest goes to bench's parseArgs: the run's
// setup is stated with exactly bench's flags, and these say only how the Python side runs.
import { CliUsageError } from '../args';

export interface KerasFlags {
  /** TensorFlow intra- and inter-op threads; 0 = TensorFlow's default (all cores). */
  threads: number;
  workers: number;
  python?: string;
  /** --shared-process: all modes in one Python process. */
  isolate: boolean;
}

export const KERAS_FLAG_HELP = [
  "  --threads N      TensorFlow intra- and inter-op threads (default 1; 0 = TensorFlow's default, all cores)",
  '  --workers N      PyDataset worker threads when the generator prefetches (default 2: Keras queues only from 2)',
  '  --python PATH    the Python to run (default: the venv `npm run keras:setup` makes, .venv-keras/)',
  "  --shared-process run every mode in one Python process (faster start; each mode's RSS then includes what earlier modes kept);",
  '                   with --repeats above 1 the modes always share one process, in rotated order',
];

function intValue(flag: string, value: string | undefined, min: number): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new CliUsageError(`--${flag} needs a whole number`);
  const n = Number(value);
  if (n < min) throw new CliUsageError(`--${flag} must be at least ${min}`);
  return n;
}

/** Splits argv into the Keras flags and the rest (bench's flags), in order. */
export function takeKerasFlags(argv: readonly string[]): { flags: KerasFlags; rest: string[] } {
  const flags: KerasFlags = { threads: 1, workers: 2, isolate: true };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--(threads|workers|python|shared-process)(?:=(.*))?$/.exec(arg);
    if (!m) {
      rest.push(arg);
      continue;
    }
    const [, name, inline] = m;
    if (name === 'shared-process') {
      if (inline !== undefined) throw new CliUsageError('--shared-process takes no value');
      flags.isolate = false;
      continue;
    }
    const value = inline ?? argv[++i];
    if (name === 'python') {
      if (!value || value.startsWith('--')) throw new CliUsageError('--python needs a path');
      flags.python = value;
    } else if (name === 'threads') flags.threads = intValue(name, value, 0);
    else flags.workers = intValue(name, value, 1);
  }
  return { flags, rest };
}

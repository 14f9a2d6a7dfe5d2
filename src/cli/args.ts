// Runs in Node. Command-line flags → RunConfig. Flags are named like the URL keys and go through the same
// field table, but the CLI is strict: a bad value is an error, not a silent repair.
import { FIELD_TABLE, fieldByKey } from '../shared/config';
import { coerceField, normalizeConfig, quote } from '../shared/config-coerce';
import { kindOf } from '../shared/field-kinds';
import { combinationProblems } from '../shared/config-rules';
import type { RunConfig } from '../shared/config';

export interface CliOptions {
  config: RunConfig;
  json: boolean;
  help: boolean;
  /** --csv PATH: train on the user's CSV file (dataset csv). */
  csv?: string;
  /** --label COLUMN: the CSV's label column (default: the last). */
  label?: string;
}

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

const SWITCHES = ['json', 'help'] as const;
const FILE_OPTIONS = ['csv', 'label'] as const;

export function parseArgs(argv: readonly string[]): CliOptions {
  const raw: Record<string, string> = {};
  const switches = { json: false, help: false };
  const files: { csv?: string; label?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      switches.help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new CliUsageError(`unexpected argument ${quote(arg)} (flags look like --samples 4096)`);
    const eq = arg.indexOf('=');
    const key = arg.slice(2, eq < 0 ? undefined : eq);
    if ((SWITCHES as readonly string[]).includes(key)) {
      if (eq >= 0) throw new CliUsageError(`--${key} takes no value`);
      switches[key as (typeof SWITCHES)[number]] = true;
      continue;
    }
    if ((FILE_OPTIONS as readonly string[]).includes(key)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new CliUsageError(`--${key} needs a value`);
      if (files[key as 'csv' | 'label'] !== undefined) throw new CliUsageError(`--${key} was given twice`);
      files[key as 'csv' | 'label'] = value;
      continue;
    }
    const spec = fieldByKey(key);
    if (!spec)
      throw new CliUsageError(
        `unknown flag --${key}; known: ${[...FIELD_TABLE.map((f) => `--${f.key}`), ...SWITCHES.map((s) => `--${s}`), ...FILE_OPTIONS.map((s) => `--${s}`)].join(' ')}`,
      );
    let value: string | undefined;
    const bare = kindOf(spec).bare(spec);
    const next = argv[i + 1];
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (next === undefined || next.startsWith('--')) {
      // A flag like --shuffle or --augment stands alone; the others need a value.
      if (bare === undefined) throw new CliUsageError(`--${key} needs a value`);
      value = bare;
    } else {
      value = next;
      i++;
    }
    if (key in raw) throw new CliUsageError(`--${key} was given twice`);
    const checked = coerceField(spec, value);
    if (checked.problem) throw new CliUsageError(checked.problem.replace(/; using .*$/, ''));
    raw[key] = value;
  }
  if (files.csv !== undefined) {
    if (raw.dataset !== undefined && raw.dataset.trim().toLowerCase() !== 'csv')
      throw new CliUsageError(`--csv trains on your file: it cannot be combined with --dataset ${raw.dataset}`);
    raw.dataset = 'csv';
  } else if (raw.dataset?.trim().toLowerCase() === 'csv') {
    throw new CliUsageError('--dataset csv needs --csv PATH');
  } else if (files.label !== undefined) {
    throw new CliUsageError('--label names a column of the file given with --csv');
  }
  const { config } = normalizeConfig(raw, 'key');
  const problems = combinationProblems(config);
  if (problems.length) throw new CliUsageError(problems.join('; '));
  return { config, ...switches, ...files };
}

export function usage(): string {
  const lines = FIELD_TABLE.map((f) => `  --${f.key.padEnd(10)} ${f.help} (${kindOf(f).cliRange(f)})`);
  return [
    'Usage: npm run bench -- [flags]',
    "Runs fitscope's training modes in Node and prints one summary per mode.",
    '',
    ...lines,
    '  --csv PATH   train on a CSV file (header row; numeric features; --label COLUMN, default the last)',
    '  --json       print a JSON array of summaries (progress goes to stderr)',
    '  --help       show this help',
    '',
    'Backends in Node: cpu, wasm, webgpu (Dawn). "auto" means wasm, then cpu.',
  ].join('\n');
}

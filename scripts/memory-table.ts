// The memory guard's estimate against the measured peak (the allocation hook's), mode by mode, over a grid of
// data sets, sizes, optimizers and backends, as a markdown table. Each mode runs a few batches only: the peak
// is reached in the first steps (the optimizer's slots are made on the first one).
//   npx tsx scripts/memory-table.ts [--backends cpu,wasm] [--datasets teacher,mnist-cnn,...] [--sizes small,large]
//                                   [--optimizers adam,sgd,rmsprop,adagrad] [--batches 3] [--json]
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activateNodeBackend } from '../src/cli/node-backends';
import { nodeAssets } from '../src/cli/node-assets';
import type { CsvInput } from '../src/engine/data/csv/source';
import { prepareRun, runMode } from '../src/engine/run';
import { tf } from '../src/engine/tf';
import { DEFAULT_CONFIG, OPTIMIZER_NAMES, cloneConfig, type BackendName, type OptimizerName, type RunConfig } from '../src/shared/config';
import { formatBytes } from '../src/shared/format';

function flag(name: string, fallback: string): string[] {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback).split(',').filter(Boolean);
}

type Size = 'small' | 'large';

interface DataEntry {
  name: string;
  /** Backends it runs on (the CNN trains on cpu only for now). */
  backends?: BackendName[];
  sizes: Record<Size, Partial<RunConfig>>;
  /** Rows of the temporary CSV file, per size (dataset = csv only). */
  csvRows?: Record<Size, { rows: number; features: number }>;
}

const DATA: DataEntry[] = [
  {
    name: 'teacher',
    sizes: {
      small: { samples: 1024, features: 16, hidden: [32], batchSize: 32 },
      large: { samples: 4096, features: 128, hidden: [256, 128], batchSize: 512 },
    },
  },
  ...(['spirals', 'circles', 'xor'] as const).map((dataset) => ({
    name: dataset,
    sizes: {
      small: { dataset, samples: 1024, hidden: [16, 16], batchSize: 32 },
      large: { dataset, samples: 8192, hidden: [128, 128], batchSize: 1024 },
    },
  })),
  {
    name: 'mnist',
    sizes: {
      small: { dataset: 'mnist', samples: 1000, hidden: [64], batchSize: 32 },
      large: { dataset: 'mnist', samples: 2000, hidden: [256, 128], batchSize: 256 },
    },
  },
  {
    name: 'mnist-cnn',
    backends: ['cpu'],
    sizes: {
      small: { dataset: 'mnist', model: 'cnn', samples: 1000, hidden: [32], batchSize: 32 },
      large: { dataset: 'mnist', model: 'cnn', samples: 2000, hidden: [64], batchSize: 256 },
    },
  },
  {
    name: 'penguins',
    sizes: {
      small: { dataset: 'penguins', hidden: [8], batchSize: 16 },
      large: { dataset: 'penguins', hidden: [512, 512], batchSize: 128 },
    },
  },
  {
    name: 'iris',
    sizes: { small: { dataset: 'iris', hidden: [8], batchSize: 16 }, large: { dataset: 'iris', hidden: [512, 512], batchSize: 64 } },
  },
  {
    name: 'csv',
    sizes: { small: { dataset: 'csv', hidden: [16], batchSize: 32 }, large: { dataset: 'csv', hidden: [128], batchSize: 256 } },
    csvRows: { small: { rows: 600, features: 8 }, large: { rows: 10_000, features: 32 } },
  },
];

/** The knobs that change what the data path holds, on one mid-sized setup. */
const KNOBS: { name: string; config: Partial<RunConfig> }[] = [
  { name: 'prefetch 4, pipeline feed', config: { prefetch: 4, feed: 'pipeline' } },
  { name: 'genYields samples', config: { genYields: 'samples', feed: 'pipeline' } },
  { name: 'validationSplit 0.25, shuffle', config: { validationSplit: 0.25, shuffle: true } },
  { name: 'source compute, readback epoch, keras loss', config: { source: 'compute', readback: 'epoch', lossView: 'keras' } },
];
const KNOB_BASE: Partial<RunConfig> = { samples: 4096, features: 64, hidden: [128, 64], batchSize: 256 };

/** A CSV of `rows` rows: `features` numeric columns and a three-class label, written to a temporary folder. */
function writeCsv(rows: number, features: number): CsvInput {
  const path = join(mkdtempSync(join(tmpdir(), 'fitscope-memory-')), `table-${rows}x${features}.csv`);
  const header = [...Array.from({ length: features }, (_, k) => `f${k}`), 'label'].join(',');
  const lines = Array.from({ length: rows }, (_, i) =>
    [...Array.from({ length: features }, (_, k) => ((i * (k + 3)) % 97) / 97), ['a', 'b', 'c'][i % 3]].join(','),
  );
  writeFileSync(path, `${header}\n${lines.join('\n')}\n`);
  return { name: 'table.csv', open: () => createReadStream(path) };
}

export interface TableRow {
  setup: string;
  backend: BackendName;
  optimizer: OptimizerName;
  mode: string;
  estimated: number;
  measured: number;
}

/** Runs each mode of `config` for a few batches; `describe` names the setup once the data set's real size is known. */
async function measure(
  describe: (config: RunConfig) => string,
  backend: BackendName,
  config: RunConfig,
  batches: number,
  csv?: CsvInput,
): Promise<TableRow[]> {
  const signal = { stopped: false };
  const prepared = await prepareRun(config, { assets: nodeAssets(), csv }, backend);
  const setup = describe(prepared.config);
  // The held-out test pass runs after the timed region and does not touch the peak: left out to save time.
  prepared.test = { samples: 0, x: new Float32Array(0), y: new Float32Array(0) };
  const rows: TableRow[] = [];
  for (const mode of prepared.config.modes) {
    let seen = 0;
    signal.stopped = false;
    const summary = await runMode(tf, backend, mode, prepared, {
      signal,
      onBatch: () => void (++seen >= batches && (signal.stopped = true)),
    });
    rows.push({ setup, backend, optimizer: config.optimizer, mode, estimated: summary.estimatedPeakBytes, measured: summary.peakBytes });
  }
  return rows;
}

const backends = flag('backends', 'cpu,wasm') as BackendName[];
const datasets = flag('datasets', [...DATA.map((d) => d.name), 'knobs'].join(','));
const sizes = flag('sizes', 'small,large') as Size[];
const optimizers = flag('optimizers', OPTIMIZER_NAMES.join(',')) as OptimizerName[];
const batches = Number(flag('batches', '3')[0]);
const json = process.argv.includes('--json');

const base = (): RunConfig => ({ ...cloneConfig(DEFAULT_CONFIG as RunConfig), epochs: 1, budgetMb: 1_000_000 });
const rows: TableRow[] = [];
const log = (row: TableRow) =>
  process.stderr.write(`${row.backend} ${row.setup} ${row.optimizer} ${row.mode}: ${(row.estimated / row.measured).toFixed(2)}\n`);
for (const backend of backends) {
  await activateNodeBackend(tf, backend);
  for (const entry of DATA.filter((d) => datasets.includes(d.name) && (d.backends ?? [backend]).includes(backend))) {
    for (const size of sizes) {
      const csv = entry.csvRows ? writeCsv(entry.csvRows[size].rows, entry.csvRows[size].features) : undefined;
      for (const optimizer of optimizers) {
        const config = { ...base(), ...entry.sizes[size], optimizer };
        const describe = (c: RunConfig) =>
          `${entry.name.replace('-cnn', '')} ${c.model} ${size} (${c.samples} × ${c.hidden.join(',')}, batch ${c.batchSize})`;
        for (const row of await measure(describe, backend, config, batches, csv)) {
          rows.push(row);
          log(row);
        }
      }
    }
  }
  if (datasets.includes('knobs')) {
    for (const knob of KNOBS) {
      const config = { ...base(), ...KNOB_BASE, ...knob.config };
      for (const row of await measure(() => `teacher mlp, ${knob.name}`, backend, config, batches)) {
        rows.push(row);
        log(row);
      }
    }
  }
}

if (json) {
  console.log(JSON.stringify(rows));
} else {
  const modes = [...new Set(rows.map((r) => r.mode))];
  const key = (r: TableRow) => `${r.backend}|${r.setup}|${r.optimizer}`;
  const groups = new Map<string, TableRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  console.log(
    `date: ${new Date().toISOString().slice(0, 10)}; node ${process.version}; tfjs ${tf.version.tfjs}; ${batches} batches per mode\n`,
  );
  console.log(`| backend | setup | optimizer | ${modes.join(' | ')} |`);
  console.log(`| --- | --- | --- | ${modes.map(() => '---').join(' | ')} |`);
  for (const group of groups.values()) {
    const cell = (mode: string) => {
      const r = group.find((g) => g.mode === mode);
      return r ? `${(r.estimated / r.measured).toFixed(2)} (${formatBytes(r.estimated)} / ${formatBytes(r.measured)})` : '–';
    };
    console.log(`| ${group[0].backend} | ${group[0].setup} | ${group[0].optimizer} | ${modes.map(cell).join(' | ')} |`);
  }
  const ratios = rows.map((r) => r.estimated / r.measured);
  console.log(
    `\nCells: estimate / measured peak (estimated, measured). ${rows.length} runs; ratios from ${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)}.`,
  );
}
process.exit(0);

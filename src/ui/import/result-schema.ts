// Runs in the page (pure). Reads a fitscope result document, from the page's JSON export or the CLI's
// `--json`, into runs the page can keep: strictly, all or nothing, stopping at the first problem with its
// path. The page's export carries per-batch columns; the CLI's does not, and its runs come back with their
// summaries only.
import { FIELD_TABLE, DEFAULT_CONFIG, cloneConfig, type RunConfig } from '../../shared/config';
import { coerceField } from '../../shared/config-coerce';
import type { MachineInfo } from '../../shared/machine';
import type { MetricChunk } from '../../shared/metric-chunk';
import type { BackendInfo, Comparison, ModeSummary, RunNoise } from '../../shared/metrics';
import { RESULT_FORMAT } from '../export/export-data';
import { readBatchColumns, readBatchRows } from './batch-columns';
import { readBackend, readComparisons, readMachine, readNoise } from './facts-schema';
import { MAX_NOTICES, MAX_RUNS, MAX_SUMMARIES } from './limits';
import { at, bool, checkStructure, ImportProblem, list, number, object, optionalText, shown, text } from './json-checks';
import { readSummary } from './summary-schema';

/** One run of a result document, every value checked. */
export interface ImportedRun {
  /** What ran it, as the file says ("fitscope (TensorFlow.js 4.22.0)"); null when the file does not say. */
  engine: string | null;
  config: RunConfig;
  backend: BackendInfo | null;
  machine: MachineInfo | null;
  stopped: boolean;
  notices: string[];
  summaries: ModeSummary[];
  comparisons: Comparison[];
  noise: RunNoise;
  /** The per-batch records (page exports); null for a file with summaries only (the CLI's). */
  rows: MetricChunk | null;
  /** Batches the exporting page received but did not keep (its log's cap). */
  batchesNotKept: number;
}

/** Every setting through its kind (as links and the CLI read them), refusing instead of repairing. */
function readConfig(value: unknown, path: string): RunConfig {
  const raw = object(value, path);
  const config = cloneConfig(DEFAULT_CONFIG as RunConfig);
  for (const spec of FIELD_TABLE) {
    // A setting newer than the file takes its default, as a link without that key does.
    if (!Object.prototype.hasOwnProperty.call(raw, spec.name)) continue;
    const input = raw[spec.name];
    if (input === null || (typeof input === 'object' && !Array.isArray(input)))
      throw new ImportProblem(at(path, spec.name), `expected a setting value, found ${shown(input)}`);
    const result = coerceField(spec, input);
    if (result.problem) throw new ImportProblem(at(path, spec.name), result.problem);
    (config as unknown as Record<string, unknown>)[spec.name] = result.value;
  }
  return config;
}

/**
 * One run of a document. `rows`, when given, are the run's batches as numbers (the run store keeps them so)
 * and take the place of the document's per-batch columns.
 */
export function readRun(value: unknown, path: string, rows?: unknown): ImportedRun {
  const raw = object(value, path);
  const config = readConfig(raw.config, at(path, 'config'));
  const summaries = list(raw.summaries ?? [], at(path, 'summaries'), MAX_SUMMARIES).map((s, i) =>
    readSummary(s, at(at(path, 'summaries'), i)),
  );
  summaries.forEach((s, i) => {
    const where = at(at(at(path, 'summaries'), i), 'mode');
    if (!config.modes.includes(s.mode))
      throw new ImportProblem(where, `${s.mode} is not one of the run's modes (${config.modes.join(', ')})`);
    if (summaries.findIndex((o) => o.mode === s.mode) !== i) throw new ImportProblem(where, `a second summary for ${s.mode}`);
  });
  const hasBatches = raw.batches !== undefined && raw.batches !== null;
  return {
    engine: optionalText(raw.engine, at(path, 'engine'), 200) ?? null,
    config,
    backend: raw.backend === null || raw.backend === undefined ? null : readBackend(raw.backend, at(path, 'backend')),
    machine: readMachine(raw.machine, at(path, 'machine')),
    stopped: raw.stopped === undefined ? false : bool(raw.stopped, at(path, 'stopped')),
    notices: list(raw.notices ?? [], at(path, 'notices'), MAX_NOTICES).map((n, i) => text(n, at(at(path, 'notices'), i))),
    summaries,
    comparisons: readComparisons(raw.comparisons, at(path, 'comparisons')),
    noise: readNoise(raw.noise, at(path, 'noise')),
    rows:
      rows !== undefined
        ? readBatchRows(rows, at(path, 'rows'), config.modes)
        : hasBatches
          ? readBatchColumns(raw.batches, at(path, 'batches'), config.modes)
          : null,
    batchesNotKept:
      raw.batchesNotKept === undefined || raw.batchesNotKept === null
        ? 0
        : number(raw.batchesNotKept, at(path, 'batchesNotKept'), { min: 0, integer: true }),
  };
}

/** A parsed document's runs; throws ImportProblem naming the first thing wrong. */
export function readResultDocument(value: unknown): ImportedRun[] {
  checkStructure(value);
  const doc = object(value, '');
  if (doc.tool !== 'fitscope')
    throw new ImportProblem(
      'tool',
      `expected "fitscope", found ${doc.tool === undefined ? 'nothing' : shown(doc.tool)}: this is not a fitscope result`,
    );
  // Page exports written before the format number have the same shape as format 1.
  if (doc.format !== undefined && doc.format !== RESULT_FORMAT) {
    throw new ImportProblem('format', `${shown(doc.format)} is not a result format this page reads (it reads ${RESULT_FORMAT})`);
  }
  const runs = list(doc.runs, 'runs', MAX_RUNS);
  if (runs.length === 0) throw new ImportProblem('runs', 'the file holds no runs');
  return runs.map((run, i) => readRun(run, at('runs', i)));
}

// Runs in the page (pure). The summary table's columns, grouped as a reader compares: time per batch with its
// interval and the verdicts, then loss, then memory. The default set fits a 1280 px window; "All columns" adds
// the detail (every ModeSummary field the CLI prints has a column); `optional` columns are dropped when no row
// has a value.
import type { ModeSummary } from '../../shared/metrics';
import { formatBytes, formatInt, formatMs, formatPercent, formatSig } from '../format';
import { formatRatio } from '../insights/insights';
import type { TableRow } from './table-rows';

export interface Column {
  key: string;
  heading: string;
  /** Longer explanation: the heading's title and its accessible description. */
  hint?: string;
  numeric: boolean;
  /** Left out when every row shows '–' (accuracy on regression, GPU pool on wasm). */
  optional?: boolean;
  /** Shown only with "All columns": detail the CLI's JSON carries, kept out of the table's default width. */
  extra?: boolean;
  /** A second, smaller line under the cell's value (an interval); its text follows the value's. */
  detail?(row: TableRow): string;
  /** The summary fields this column shows, when not just the one its key names. */
  covers?: readonly (keyof ModeSummary)[];
  cell(row: TableRow): string;
}

function field(
  key: keyof ModeSummary,
  heading: string,
  format: (v: number) => string,
  hint?: string,
  optional?: boolean,
  extra?: boolean,
): Column {
  return { key, heading, hint, numeric: true, optional, extra, cell: (row) => format(row.summary[key] as number) };
}

const range = (low: number, high: number, format: (v: number) => string) =>
  Number.isFinite(low) && Number.isFinite(high) ? `${format(low)}–${format(high)}` : '';

/** A ratio with the verdict's mark: = no measurable difference, ? inconclusive (its interval is the detail). */
function ratioCell(value: number, verdict: ModeSummary['vsLoopVerdict']): string {
  if (!Number.isFinite(value)) return '–';
  const mark = verdict === 'equivalent' ? ' =' : verdict === 'inconclusive' ? ' ?' : '';
  return `${formatRatio(value)}${mark}`;
}

/** An interval's bound as a ratio, short whatever its size (a wide interval's bounds can be 1e-6 or 1e+8). */
const sigRatio = (v: number) => `${formatSig(v)}×`;

/** " (low–high)", or nothing without an interval. */
const interval = (low: number, high: number, format: (v: number) => string) => {
  const text = range(low, high, format);
  return text ? ` (${text})` : '';
};

/** A cell's whole text: its value, then its detail (what a reader of the row sees, and what tests compare). */
export function cellText(column: Column, row: TableRow): string {
  return `${column.cell(row)}${column.detail?.(row) ?? ''}`;
}

/** The columns a reader compares at a glance: they fit a 1280 px window. The rest show under "All columns". */
export const COLUMNS: readonly Column[] = [
  { key: 'mode', heading: 'Mode', numeric: false, cell: (row) => row.summary.mode },
  { key: 'backend', heading: 'Backend', numeric: false, extra: true, cell: (row) => row.summary.backend },
  {
    key: 'dataset',
    heading: 'Data',
    hint: 'data set and training samples',
    numeric: false,
    extra: true,
    cell: (row) => `${row.dataset} · ${formatInt(row.summary.samples)}`,
  },
  field('batchSize', 'Batch', formatInt, 'batch_size', false, true),
  {
    key: 'repeats',
    heading: 'Repeats',
    numeric: true,
    covers: ['repeats', 'repeatsPlanned'],
    hint: 'runs of each mode the numbers rest on (in rotated order); fewer than asked when stopped',
    cell: (row) =>
      row.summary.repeats < row.summary.repeatsPlanned
        ? `${row.summary.repeats} of ${row.summary.repeatsPlanned} (incomplete)`
        : formatInt(row.summary.repeats),
  },
  {
    key: 'msPerBatchMedian',
    heading: 'Time / batch',
    numeric: true,
    covers: ['msPerBatchMedian', 'msPerBatchLow', 'msPerBatchHigh', 'intervalBasis'],
    hint: 'median of the steady batches after the warm-up (with repeats: the geometric mean of their medians), with its 95 % interval',
    cell: (row) => formatMs(row.summary.msPerBatchMedian),
    detail: (row) => interval(row.summary.msPerBatchLow, row.summary.msPerBatchHigh, formatSig),
  },
  {
    key: 'spread',
    heading: 'p5–p95',
    numeric: true,
    covers: ['msPerBatchP5', 'msPerBatchP95'],
    hint: '5th to 95th percentile of the steady batch times',
    cell: (row) => range(row.summary.msPerBatchP5, row.summary.msPerBatchP95, formatSig) || '–',
  },
  field('samplesPerSec', 'Samples / s', formatInt, 'batch size over the median time per batch', false, true),
  {
    key: 'vsLoop',
    heading: '× loop',
    numeric: true,
    covers: ['vsLoop', 'vsLoopLow', 'vsLoopHigh', 'vsLoopVerdict'],
    hint: 'time per batch over the hand-written loop of the same run, with its 95 % interval; = no measurable difference (±3 %), ? inconclusive',
    cell: (row) => ratioCell(row.summary.vsLoop, row.summary.vsLoopVerdict),
    detail: (row) => interval(row.summary.vsLoopLow, row.summary.vsLoopHigh, sigRatio),
  },
  {
    key: 'vsFastest',
    heading: '× fastest',
    numeric: true,
    covers: ['vsFastest', 'vsFastestLow', 'vsFastestHigh', 'vsFastestVerdict'],
    hint: 'time per batch over the fastest mode of the same run, with its 95 % interval; = no measurable difference (±3 %), ? inconclusive',
    cell: (row) => ratioCell(row.summary.vsFastest, row.summary.vsFastestVerdict),
    detail: (row) => interval(row.summary.vsFastestLow, row.summary.vsFastestHigh, sigRatio),
  },
  {
    key: 'loss',
    heading: 'Loss',
    covers: ['initialLoss', 'finalLoss'],
    hint: 'over the training set, before the first step → after the last',
    numeric: true,
    cell: (row) => `${formatSig(row.summary.initialLoss, 4)} → ${formatSig(row.summary.finalLoss, 4)}`,
  },
  field('peakBytes', 'Peak', formatBytes, 'largest backend memory in use during the mode, from the tensor-allocation hook'),
  field('leakedTensors', 'Leaked', formatInt, 'tensors left over when the mode finished (should be 0)'),
  // Under "All columns":
  {
    ...field(
      'warmupBatches',
      'Warm-up',
      formatInt,
      'leading batches left out of the statistics (kernel compilation, JIT, first allocations), of all the batches',
      false,
      true,
    ),
    covers: ['warmupBatches', 'steadyBatches'],
    cell: (row) => `${formatInt(row.summary.warmupBatches)} of ${formatInt(row.summary.warmupBatches + row.summary.steadyBatches)}`,
  },
  field('epochs', 'Epochs', formatInt, undefined, false, true),
  field('batches', 'Batches', formatInt, 'batches trained (fewer than planned when stopped)', false, true),
  field(
    'dataMsMedian',
    'Data wait / batch',
    formatMs,
    'median time per batch waiting for data (fit slices inside its step: –)',
    false,
    true,
  ),
  field('stepMsMedian', 'Step / batch', formatMs, 'median time per batch in the training step (compute and any sync)', false, true),
  field('totalMs', 'Total', formatMs, 'wall time of the whole mode, data upload included, validation excluded', false, true),
  field(
    'throughputSamplesPerSec',
    'Whole-run samples / s',
    formatInt,
    "training samples over the whole mode's wall time (warm-up and stalls included)",
    false,
    true,
  ),
  {
    ...field('noise', 'Noise', formatPercent, '', false, true),
    covers: ['noise', 'noiseBasis'],
    hint: 'between repeats: max / min of their medians − 1; in one run: p95 / median − 1',
  },
  field('testLoss', 'Test loss', (v) => formatSig(v, 4), 'loss on the held-out test rows after training', false, true),
  {
    key: 'valAccuracy',
    heading: 'Val. accuracy',
    hint: 'accuracy on the validation rows at the last epoch end',
    numeric: true,
    optional: true,
    extra: true,
    cell: (row) => formatPercent(row.valAccuracy),
  },
  field('testAccuracy', 'Test accuracy', formatPercent, 'accuracy on the held-out test rows after training', true, true),
  field('estimatedPeakBytes', 'Estimated peak', formatBytes, "the memory guard's estimate, made before the mode ran", false, true),
  field(
    'residentBytes',
    'Data set memory',
    formatBytes,
    'backend bytes holding the data set itself (fit: the whole set; generators: none)',
    false,
    true,
  ),
  field(
    'batchEndPeakBytes',
    'Batch-end peak',
    formatBytes,
    'the highest reading at batch ends only: what a sampler outside the step would report',
    false,
    true,
  ),
  field(
    'peakGpuAllocatedBytes',
    'GPU pool peak',
    formatBytes,
    'GPU buffers held at most (in use + free for reuse); none on wasm and cpu',
    true,
    true,
  ),
  field('peakTensors', 'Peak tensors', formatInt, undefined, false, true),
  field('lossReads', 'Loss reads', formatInt, 'loss readbacks from the backend to the CPU (each a GPU sync)', false, true),
];

/** The columns worth showing for these rows; `all` adds the ones under "All columns". */
export function visibleColumns(rows: readonly TableRow[], all = false): Column[] {
  return COLUMNS.filter((c) => (all || !c.extra) && (!c.optional || rows.some((r) => !r.summary.refused && c.cell(r) !== '–')));
}

// Runs in the page (pure). The summary table's columns, grouped as a reader compares: speed, then loss and
// accuracy, then memory (measured peak next to the guard's estimate and the data set's own bytes). Every
// ModeSummary field the CLI prints has a column; `optional` columns are dropped when no row has a value.
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
  cell(row: TableRow): string;
}

function field(key: keyof ModeSummary, heading: string, format: (v: number) => string, hint?: string, optional?: boolean): Column {
  return { key, heading, hint, numeric: true, optional, cell: (row) => format(row.summary[key] as number) };
}

export const COLUMNS: readonly Column[] = [
  { key: 'mode', heading: 'Mode', numeric: false, cell: (row) => row.summary.mode },
  { key: 'backend', heading: 'Backend', numeric: false, cell: (row) => row.summary.backend },
  { key: 'dataset', heading: 'Data', hint: 'data set and training samples', numeric: false, cell: (row) => `${row.dataset} · ${formatInt(row.summary.samples)}` },
  field('batchSize', 'Batch', formatInt, 'batch_size'),
  field('epochs', 'Epochs', formatInt),
  field('batches', 'Batches', formatInt, 'batches trained (fewer than planned when stopped)'),
  field('msPerBatchMedian', 'Median / batch', formatMs, 'median wall time per batch'),
  field('msPerBatchP95', 'p95 / batch', formatMs, '95th percentile of the time per batch'),
  field('samplesPerSec', 'Samples / s', formatInt, 'training samples per second over the whole mode'),
  { key: 'vsFastest', heading: '× fastest', hint: 'median time per sample over the fastest row in this table', numeric: true, cell: (row) => formatRatio(row.vsFastest) },
  field('vsLoop', '× loop', formatRatio, 'median time per batch over the hand-written loop of the same run (the floor)'),
  field('dataMsMedian', 'Data wait / batch', formatMs, 'median time per batch waiting for data (fit slices inside its step: –)'),
  field('stepMsMedian', 'Step / batch', formatMs, 'median time per batch in the training step (compute and any sync)'),
  field('totalMs', 'Total', formatMs, 'wall time of the whole mode, data upload included, validation excluded'),
  field('initialLoss', 'Initial loss', (v) => formatSig(v, 4), 'loss over the training set before the first step'),
  field('finalLoss', 'Final loss', (v) => formatSig(v, 4), 'loss over the training set after the last step'),
  field('testLoss', 'Test loss', (v) => formatSig(v, 4), 'loss on the held-out test rows after training'),
  { key: 'valAccuracy', heading: 'Val. accuracy', hint: 'accuracy on the validation rows at the last epoch end', numeric: true, optional: true, cell: (row) => formatPercent(row.valAccuracy) },
  field('testAccuracy', 'Test accuracy', formatPercent, 'accuracy on the held-out test rows after training', true),
  field('peakBytes', 'Peak memory', formatBytes, 'largest backend memory in use during the mode, from the tensor-allocation hook'),
  field('estimatedPeakBytes', 'Estimated peak', formatBytes, "the memory guard's estimate, made before the mode ran"),
  field('residentBytes', 'Data set memory', formatBytes, 'backend bytes holding the data set itself (fit: the whole set; generators: none)'),
  field('batchEndPeakBytes', 'Batch-end peak', formatBytes, 'the highest reading at batch ends only: what a sampler outside the step would report'),
  field('peakGpuAllocatedBytes', 'GPU pool peak', formatBytes, 'GPU buffers held at most (in use + free for reuse); none on wasm and cpu', true),
  field('peakTensors', 'Peak tensors', formatInt),
  field('leakedTensors', 'Leaked', formatInt, 'tensors left over when the mode finished (should be 0)'),
  field('lossReads', 'Loss reads', formatInt, 'loss readbacks from the backend to the CPU (each a GPU sync)'),
];

/** The columns worth showing for these rows. */
export function visibleColumns(rows: readonly TableRow[]): Column[] {
  return COLUMNS.filter((c) => !c.optional || rows.some((r) => !r.summary.refused && c.cell(r) !== '–'));
}

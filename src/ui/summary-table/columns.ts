// Runs in the page (pure). The summary table's columns: the ModeSummary fields of SUMMARY_FIELDS, in that order,
// each with a heading and a formatter. Fields without an entry here still show, formatted by their name's unit.
import type { ModeSummary } from '../../shared/metrics';
import { SUMMARY_FIELDS } from '../../shared/metrics';
import { formatBytes, formatInt, formatMs, formatSig } from '../format';

export interface Column {
  key: string;
  heading: string;
  /** Longer explanation, shown as the heading's title. */
  hint?: string;
  numeric: boolean;
  cell(row: ModeSummary): string;
}

type Format = (value: number) => string;

const KNOWN: Partial<Record<string, { heading: string; hint?: string; format?: Format }>> = {
  mode: { heading: 'Mode' },
  backend: { heading: 'Backend' },
  samples: { heading: 'Samples', format: formatInt },
  batchSize: { heading: 'Batch', format: formatInt },
  epochs: { heading: 'Epochs', format: formatInt },
  batches: { heading: 'Batches', format: formatInt },
  totalMs: { heading: 'Total', hint: 'wall time of the whole mode, data upload included' },
  msPerBatchMedian: { heading: 'Median / batch' },
  msPerBatchP95: { heading: 'p95 / batch' },
  samplesPerSec: { heading: 'Samples / s', format: formatInt },
  initialLoss: { heading: 'Initial loss', format: (v) => formatSig(v, 4) },
  finalLoss: { heading: 'Final loss', hint: 'loss over the training set after the last step', format: (v) => formatSig(v, 4) },
  peakBytes: { heading: 'Peak memory', hint: 'largest tf.memory().numBytes seen during the mode' },
  peakTensors: { heading: 'Peak tensors', format: formatInt },
  leakedTensors: { heading: 'Leaked', hint: 'tensors left over when the mode finished (should be 0)', format: formatInt },
  dataMsMedian: { heading: 'Data wait / batch', hint: 'median time per batch waiting for data' },
  stepMsMedian: { heading: 'Step / batch', hint: 'median time per batch in the training step' },
  vsLoop: { heading: '× loop', hint: 'median time per batch relative to the hand-written loop', format: (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–') },
  estimatedPeakBytes: { heading: 'Estimated peak', hint: "the memory guard's estimate before the run" },
  residentBytes: { heading: 'Data set memory', hint: 'backend bytes that hold the data set itself' },
};

/** "peakGpuAllocatedBytes" → "Peak gpu allocated bytes". */
function words(key: string): string {
  const text = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatByName(key: string): Format {
  if (/Bytes$/.test(key)) return formatBytes;
  if (/Ms(Median|P\d+)?$/.test(key) || /^ms/.test(key)) return formatMs;
  return (v) => formatSig(v);
}

function column(key: string): Column {
  const known = KNOWN[key];
  const format = known?.format ?? formatByName(key);
  return {
    key,
    heading: known?.heading ?? words(key),
    hint: known?.hint,
    numeric: key !== 'mode' && key !== 'backend',
    cell: (row) => {
      const value = (row as unknown as Record<string, unknown>)[key];
      return typeof value === 'number' ? format(value) : value === undefined || value === null ? '–' : String(value);
    },
  };
}

export const COLUMNS: readonly Column[] = SUMMARY_FIELDS.map(column);

// Runs everywhere. The one layout of a per-batch record: METRIC_COLUMNS. The engine's recorder fills a row of
// these numbers in place (no object per batch), the worker packs rows into transferred chunks, the page's chart
// buffers and batch log read them by column, and the exports write the same columns. A new per-batch quantity is
// one entry here plus the line in the recorder that measures it.
import { MODE_NAMES } from './config';
import type { BatchMetric } from './metrics';

export const METRIC_COLUMNS = [
  /** Index into MODE_NAMES. */
  'mode',
  /** 0-based repeat of the run (see the repeats setting). */
  'repeat',
  'epoch',
  /** Batch index within its epoch (the epoch's last one for a record that stands for a whole epoch). */
  'batch',
  /** Training steps this record stands for: 1 per batch, a whole epoch's batches with per-batch callbacks off. */
  'steps',
  'loss',
  'meanLoss',
  'ms',
  'dataMs',
  'samplesSeen',
  'valLoss',
  'valAccuracy',
  'numTensors',
  'numBytes',
  'gpuBytesInUse',
  'gpuBytesAllocated',
  /** Highest backend bytes and tensors while this batch's step ran (the allocation hook); NaN without it. */
  'stepPeakBytes',
  'stepPeakTensors',
] as const;

export type MetricColumn = (typeof METRIC_COLUMNS)[number];
export const METRIC_WIDTH = METRIC_COLUMNS.length;

/** Column index by name. */
export const COL = Object.freeze(Object.fromEntries(METRIC_COLUMNS.map((c, i) => [c, i]))) as { readonly [K in MetricColumn]: number };

/** A per-batch record: METRIC_WIDTH numbers in METRIC_COLUMNS order (null stored as NaN). */
export type MetricRow = Float64Array;

export function newMetricRow(): MetricRow {
  return new Float64Array(METRIC_WIDTH).fill(NaN);
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** The row at `offset` of `data` as an object: for tests, logs and other readers off the per-batch path. */
export function rowToMetric(data: ArrayLike<number>, offset = 0): BatchMetric {
  const v = (c: MetricColumn) => data[offset + COL[c]];
  return {
    mode: MODE_NAMES[v('mode')] ?? MODE_NAMES[0],
    repeat: v('repeat'),
    epoch: v('epoch'),
    batch: v('batch'),
    steps: v('steps'),
    loss: v('loss'),
    meanLoss: v('meanLoss'),
    ms: v('ms'),
    dataMs: v('dataMs'),
    samplesSeen: v('samplesSeen'),
    valLoss: v('valLoss'),
    valAccuracy: v('valAccuracy'),
    numTensors: v('numTensors'),
    numBytes: v('numBytes'),
    gpuBytesInUse: orNull(v('gpuBytesInUse')),
    gpuBytesAllocated: orNull(v('gpuBytesAllocated')),
    stepPeakBytes: v('stepPeakBytes'),
    stepPeakTensors: v('stepPeakTensors'),
  };
}

/** The inverse of rowToMetric (fields left out are NaN; repeat 0 and steps 1 by default). */
export function metricToRow(m: Partial<BatchMetric>, into: MetricRow = newMetricRow()): MetricRow {
  into.fill(NaN);
  into[COL.repeat] = 0;
  into[COL.steps] = 1;
  for (const c of METRIC_COLUMNS) {
    const value = c === 'mode' ? (m.mode === undefined ? undefined : MODE_NAMES.indexOf(m.mode)) : (m as Record<string, unknown>)[c];
    if (typeof value === 'number') into[COL[c]] = value;
  }
  return into;
}

// Runs anywhere (pure). Fewer per-batch records for a shipped reference file: consecutive records of one mode,
// repeat and epoch merged `k` at a time into one record standing for all their steps, as a record per epoch
// does when per-batch callbacks are off. Times stay exact in total (ms is the step-weighted mean), peaks keep
// their highest value, and the last record of an epoch (with its validation) stays the last.
import { COL, METRIC_WIDTH } from '../../shared/metric-row';
import type { MetricChunk } from '../../shared/metric-chunk';

const LAST = [
  COL.mode,
  COL.repeat,
  COL.epoch,
  COL.batch,
  COL.samplesSeen,
  COL.numTensors,
  COL.numBytes,
  COL.gpuBytesInUse,
  COL.gpuBytesAllocated,
];
const LAST_FINITE = [COL.meanLoss, COL.valLoss, COL.valAccuracy];
const HIGHEST = [COL.stepPeakBytes, COL.stepPeakTensors];
const MEAN = [COL.loss, COL.dataMs];

function merge(rows: Float64Array[], into: Float64Array): void {
  const last = rows[rows.length - 1];
  into.fill(NaN);
  for (const c of LAST) into[c] = last[c];
  let steps = 0;
  let msTotal = 0;
  for (const r of rows) {
    steps += r[COL.steps];
    msTotal += r[COL.ms] * r[COL.steps];
  }
  into[COL.steps] = steps;
  into[COL.ms] = msTotal / steps;
  for (const c of LAST_FINITE) into[c] = [...rows].reverse().find((r) => Number.isFinite(r[c]))?.[c] ?? NaN;
  for (const c of HIGHEST) {
    const finite = rows.map((r) => r[c]).filter(Number.isFinite);
    into[c] = finite.length ? Math.max(...finite) : NaN;
  }
  for (const c of MEAN) {
    const finite = rows.map((r) => r[c]).filter(Number.isFinite);
    into[c] = finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN;
  }
}

/** At most about `maxPerMode` records per mode (never merging across an epoch's end). */
export function thinRows(chunk: MetricChunk, maxPerMode: number): MetricChunk {
  const rows = Array.from({ length: chunk.count }, (_, i) => chunk.data.subarray(i * METRIC_WIDTH, (i + 1) * METRIC_WIDTH));
  const perMode = new Map<number, number>();
  for (const r of rows) perMode.set(r[COL.mode], (perMode.get(r[COL.mode]) ?? 0) + 1);
  const out: Float64Array[] = [];
  let group: Float64Array[] = [];
  const flush = () => {
    if (!group.length) return;
    const row = new Float64Array(METRIC_WIDTH);
    merge(group, row);
    out.push(row);
    group = [];
  };
  for (const r of rows) {
    const head = group[0];
    const k = Math.ceil((perMode.get(r[COL.mode]) ?? 1) / Math.max(1, maxPerMode));
    if (
      head &&
      (head[COL.mode] !== r[COL.mode] || head[COL.repeat] !== r[COL.repeat] || head[COL.epoch] !== r[COL.epoch] || group.length >= k)
    )
      flush();
    group.push(r);
  }
  flush();
  const data = new Float64Array(out.length * METRIC_WIDTH);
  out.forEach((r, i) => data.set(r, i * METRIC_WIDTH));
  return { count: out.length, data };
}

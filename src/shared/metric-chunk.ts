// Runs everywhere. Per-batch rows (metric-row.ts) travel from the worker in columnar chunks: one Float64Array per
// chunk, transferred (not copied), so streaming costs one postMessage per flush whatever the batch rate.
import type { BatchMetric } from './metrics';
import { COL, METRIC_WIDTH, metricToRow, newMetricRow, rowToMetric, type MetricRow } from './metric-row';

export interface MetricChunk {
  count: number;
  /** Row-major: `count` rows of METRIC_WIDTH values, in METRIC_COLUMNS order. */
  data: Float64Array;
}

export class MetricPacker {
  private rows: Float64Array;
  private count = 0;

  constructor(initialRows = 256) {
    this.rows = new Float64Array(Math.max(1, initialRows) * METRIC_WIDTH);
  }

  get size(): number {
    return this.count;
  }

  /** Copies one row in (the recorder reuses its row). */
  push(row: MetricRow): void {
    if ((this.count + 1) * METRIC_WIDTH > this.rows.length) {
      const grown = new Float64Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows.set(row, this.count * METRIC_WIDTH);
    this.count++;
  }

  /** Hands over the rows packed so far (a right-sized copy, safe to transfer) and starts empty. */
  take(): MetricChunk {
    const chunk = { count: this.count, data: this.rows.slice(0, this.count * METRIC_WIDTH) };
    this.count = 0;
    return chunk;
  }
}

/** Training steps a chunk stands for (records per epoch count their epoch's batches). */
export function chunkSteps(chunk: MetricChunk): number {
  let steps = 0;
  for (let i = 0; i < chunk.count; i++) steps += chunk.data[i * METRIC_WIDTH + COL.steps];
  return steps;
}

/** A chunk as objects: for tests and readers off the per-batch path. */
export function unpackChunk(chunk: MetricChunk): BatchMetric[] {
  return Array.from({ length: chunk.count }, (_, i) => rowToMetric(chunk.data, i * METRIC_WIDTH));
}

/** Objects as a chunk: for tests and hosts that build records by hand. */
export function packMetrics(metrics: readonly Partial<BatchMetric>[]): MetricChunk {
  const packer = new MetricPacker(metrics.length);
  const row = newMetricRow();
  for (const m of metrics) packer.push(metricToRow(m, row));
  return packer.take();
}

// Runs everywhere. Per-batch metrics travel from the worker in columnar chunks: one Float64Array per chunk,
// transferred (not copied), so streaming costs one postMessage per flush whatever the batch rate.
import { MODE_NAMES } from './config';
import type { BatchMetric } from './metrics';

const COLUMNS = ['mode', 'epoch', 'batch', 'loss', 'meanLoss', 'ms', 'dataMs', 'samplesSeen', 'valLoss', 'valAccuracy', 'numTensors', 'numBytes', 'gpuBytesInUse', 'gpuBytesAllocated'] as const;
const WIDTH = COLUMNS.length;

export interface MetricChunk {
  count: number;
  /** Row-major: `count` rows of WIDTH values, in COLUMNS order. null is stored as NaN. */
  data: Float64Array;
}

export class MetricPacker {
  private rows: Float64Array;
  private count = 0;

  constructor(initialRows = 256) {
    this.rows = new Float64Array(initialRows * WIDTH);
  }

  get size(): number {
    return this.count;
  }

  push(m: BatchMetric): void {
    if ((this.count + 1) * WIDTH > this.rows.length) {
      const grown = new Float64Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const o = this.count * WIDTH;
    const r = this.rows;
    r[o] = MODE_NAMES.indexOf(m.mode);
    r[o + 1] = m.epoch;
    r[o + 2] = m.batch;
    r[o + 3] = m.loss;
    r[o + 4] = m.meanLoss;
    r[o + 5] = m.ms;
    r[o + 6] = m.dataMs;
    r[o + 7] = m.samplesSeen;
    r[o + 8] = m.valLoss;
    r[o + 9] = m.valAccuracy;
    r[o + 10] = m.numTensors;
    r[o + 11] = m.numBytes;
    r[o + 12] = m.gpuBytesInUse ?? NaN;
    r[o + 13] = m.gpuBytesAllocated ?? NaN;
    this.count++;
  }

  /** Hands over the rows packed so far (a right-sized copy, safe to transfer) and starts empty. */
  take(): MetricChunk {
    const chunk = { count: this.count, data: this.rows.slice(0, this.count * WIDTH) };
    this.count = 0;
    return chunk;
  }
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

export function unpackChunk(chunk: MetricChunk): BatchMetric[] {
  const out: BatchMetric[] = new Array(chunk.count);
  const r = chunk.data;
  for (let i = 0; i < chunk.count; i++) {
    const o = i * WIDTH;
    out[i] = {
      mode: MODE_NAMES[r[o]] ?? MODE_NAMES[0],
      epoch: r[o + 1],
      batch: r[o + 2],
      loss: r[o + 3],
      meanLoss: r[o + 4],
      ms: r[o + 5],
      dataMs: r[o + 6],
      samplesSeen: r[o + 7],
      valLoss: r[o + 8],
      valAccuracy: r[o + 9],
      numTensors: r[o + 10],
      numBytes: r[o + 11],
      gpuBytesInUse: orNull(r[o + 12]),
      gpuBytesAllocated: orNull(r[o + 13]),
    };
  }
  return out;
}

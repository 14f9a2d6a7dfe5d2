// Runs in the page (pure, no React). The chart data of one trace (one mode of one run), bounded whatever the run
// length: columnar typed arrays, one row per batch until `capacity` rows, then neighbouring rows are merged in
// pairs. A merged row keeps, per column, the lowest and highest value (and which came first), the sum and the
// count, so spikes, envelopes and exact means survive any number of merges; its x values are those of its last
// batch. Appending is O(1) amortised and allocates nothing once the arrays have grown.
import { COL, type MetricColumn } from '../../shared/metric-row';

/** The per-batch columns (metric-row.ts) the charts draw. */
export const TRACE_COLUMNS = [
  'loss',
  'meanLoss',
  'numBytes',
  'gpuBytesInUse',
  'gpuBytesAllocated',
  'numTensors',
  'ms',
  'dataMs',
  'stepPeakBytes',
] as const satisfies readonly MetricColumn[];
export type TraceColumn = (typeof TRACE_COLUMNS)[number];
/** Where each trace column sits in a metric row. */
export const TRACE_SOURCE: readonly number[] = TRACE_COLUMNS.map((c) => COL[c]);
const WIDTH = TRACE_COLUMNS.length;
const COLUMN_INDEX = Object.fromEntries(TRACE_COLUMNS.map((c, i) => [c, i])) as Record<TraceColumn, number>;

/** One batch as the buffer takes it: x values, then one value per TRACE_COLUMNS entry (NaN = not measured). */
export interface TraceRow {
  step: number;
  samples: number;
  timeMs: number;
  values: ArrayLike<number>;
}

export const TRACE_CAPACITY = 2048;
const INITIAL_ROWS = 128;

export class TraceBuffer {
  readonly capacity: number;
  /** Rows in use. */
  count = 0;
  /** Batches appended in all (rows count merged batches). */
  batches = 0;
  /** Bumped by every append, so views can cache per version. */
  version = 0;
  step: Float64Array;
  samples: Float64Array;
  timeMs: Float64Array;
  /** Per column (index from TRACE_COLUMNS): lowest, highest, sum and count of the finite values in each row. */
  lo: Float64Array[];
  hi: Float64Array[];
  sum: Float64Array[];
  n: Float64Array[];
  /** 1 where the row's lowest value came before its highest. */
  loFirst: Uint8Array[];
  /** Exact totals over every batch, per column (finite values only). */
  readonly total = new Float64Array(WIDTH);
  readonly totalCount = new Float64Array(WIDTH);
  /** The latest finite value per column. */
  readonly last = new Float64Array(WIDTH).fill(NaN);

  constructor(capacity = TRACE_CAPACITY) {
    // Even, so that merging in pairs halves it exactly.
    this.capacity = Math.max(4, capacity - (capacity % 2));
    const rows = Math.min(INITIAL_ROWS, this.capacity);
    this.step = new Float64Array(rows);
    this.samples = new Float64Array(rows);
    this.timeMs = new Float64Array(rows);
    this.lo = Array.from({ length: WIDTH }, () => new Float64Array(rows));
    this.hi = Array.from({ length: WIDTH }, () => new Float64Array(rows));
    this.sum = Array.from({ length: WIDTH }, () => new Float64Array(rows));
    this.n = Array.from({ length: WIDTH }, () => new Float64Array(rows));
    this.loFirst = Array.from({ length: WIDTH }, () => new Uint8Array(rows));
  }

  static column(name: TraceColumn): number {
    return COLUMN_INDEX[name];
  }

  /** Mean over every batch of a column (exact, unaffected by merging); NaN when none was measured. */
  mean(name: TraceColumn): number {
    const c = COLUMN_INDEX[name];
    return this.totalCount[c] > 0 ? this.total[c] / this.totalCount[c] : NaN;
  }

  append(row: TraceRow): void {
    if (this.count === this.capacity) this.halve();
    else if (this.count === this.step.length) this.grow();
    const r = this.count++;
    this.step[r] = row.step;
    this.samples[r] = row.samples;
    this.timeMs[r] = row.timeMs;
    for (let c = 0; c < WIDTH; c++) {
      const v = row.values[c];
      const ok = Number.isFinite(v);
      this.lo[c][r] = ok ? v : NaN;
      this.hi[c][r] = ok ? v : NaN;
      this.sum[c][r] = ok ? v : 0;
      this.n[c][r] = ok ? 1 : 0;
      this.loFirst[c][r] = 1;
      if (ok) {
        this.total[c] += v;
        this.totalCount[c]++;
        this.last[c] = v;
      }
    }
    this.batches++;
    this.version++;
  }

  private grow(): void {
    const rows = Math.min(this.capacity, this.step.length * 2);
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(rows);
      b.set(a);
      return b;
    };
    this.step = f64(this.step);
    this.samples = f64(this.samples);
    this.timeMs = f64(this.timeMs);
    this.lo = this.lo.map(f64);
    this.hi = this.hi.map(f64);
    this.sum = this.sum.map(f64);
    this.n = this.n.map(f64);
    this.loFirst = this.loFirst.map((a) => {
      const b = new Uint8Array(rows);
      b.set(a);
      return b;
    });
  }

  /** Merges rows (0,1), (2,3), … into rows 0, 1, …: half the rows, nothing lost that a chart shows. */
  private halve(): void {
    const half = this.count >> 1;
    for (let r = 0; r < half; r++) {
      const a = 2 * r;
      const b = a + 1;
      this.step[r] = this.step[b];
      this.samples[r] = this.samples[b];
      this.timeMs[r] = this.timeMs[b];
      for (let c = 0; c < WIDTH; c++) {
        const lo = this.lo[c];
        const hi = this.hi[c];
        const n = this.n[c];
        const first = this.loFirst[c];
        const na = n[a];
        const nb = n[b];
        if (na === 0 || nb === 0) {
          const k = na === 0 ? b : a;
          lo[r] = lo[k];
          hi[r] = hi[k];
          first[r] = first[k];
        } else {
          // Ties go to the earlier row.
          const loFromA = lo[a] <= lo[b];
          const hiFromA = hi[a] >= hi[b];
          first[r] = loFromA === hiFromA ? first[loFromA ? a : b] : loFromA ? 1 : 0;
          lo[r] = loFromA ? lo[a] : lo[b];
          hi[r] = hiFromA ? hi[a] : hi[b];
        }
        this.sum[c][r] = this.sum[c][a] + this.sum[c][b];
        n[r] = na + nb;
      }
    }
    this.count = half;
  }
}

// Runs in the page (pure). Every record of a run as received (metric rows), for the CSV and JSON exports: one Float64Array,
// row-major, grown by doubling up to a cap (the charts' buffers thin out; this one keeps each batch exactly).
// Past the cap further batches are counted but not kept, and the export says so.

import { COL, METRIC_WIDTH as WIDTH, type MetricColumn } from '../../shared/metric-row';

/** 250,000 rows × 18 columns × 8 bytes ≈ 36 MB at most per run. */
export const LOG_CAPACITY = 250_000;

export class BatchLog {
  private data = new Float64Array(1024 * WIDTH);
  /** Rows kept. */
  count = 0;
  /** Rows offered past the cap, not kept. */
  dropped = 0;

  constructor(readonly capacity = LOG_CAPACITY) {}

  /** `row` is a metric row (metric-row.ts): one value per METRIC_COLUMNS entry. */
  push(row: ArrayLike<number>): void {
    if (this.count >= this.capacity) {
      this.dropped++;
      return;
    }
    if ((this.count + 1) * WIDTH > this.data.length) {
      const grown = new Float64Array(Math.min(this.capacity, this.count * 2) * WIDTH);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(row as ArrayLike<number>, this.count * WIDTH);
    this.count++;
  }

  value(row: number, column: number): number {
    return this.data[row * WIDTH + column];
  }

  /** The kept rows, row-major (a copy): what the store saves so a reload rebuilds the run's charts. */
  rows(): Float64Array {
    return this.data.slice(0, this.count * WIDTH);
  }

  static column(name: MetricColumn): number {
    return COL[name];
  }
}

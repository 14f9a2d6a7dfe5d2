// Runs in the page (pure, no React). Per-mode chart series fed by the metric stream. Memory stays bounded
// whatever the run length: past `capacity` points a series is thinned to half with downsampleMinMax, which
// keeps its endpoints and extremes. view() returns display-sized series, cached per mode until it changes.
import { MODE_NAMES, type ModeName } from '../../shared/config';
import type { BatchMetric } from '../../shared/metrics';
import { downsampleMinMax, type Point } from './downsample';

export interface ModeSeries {
  mode: ModeName;
  /** Batches received for this mode (the x of the next point). */
  batches: number;
  loss: Point[];
  bytes: Point[];
}

interface Stored {
  batches: number;
  loss: Point[];
  bytes: Point[];
  view: ModeSeries | null;
}

export const DISPLAY_POINTS = 1500;
export const STORED_POINTS = 20_000;

export interface SeriesOptions {
  /** Which loss to chart: the raw batch loss (tfjs) or Keras' running mean over the epoch. */
  loss?: 'loss' | 'meanLoss';
  display?: number;
  capacity?: number;
}

export class SeriesStore {
  private readonly modes = new Map<ModeName, Stored>();
  private received = 0;
  private readonly lossKey: 'loss' | 'meanLoss';
  private readonly display: number;
  private readonly capacity: number;

  constructor(options: SeriesOptions = {}) {
    this.lossKey = options.loss ?? 'loss';
    this.display = options.display ?? DISPLAY_POINTS;
    this.capacity = options.capacity ?? STORED_POINTS;
  }

  /** Batches received in all, across modes. */
  get total(): number {
    return this.received;
  }

  append(metrics: readonly BatchMetric[]): void {
    for (const m of metrics) {
      let s = this.modes.get(m.mode);
      if (!s) this.modes.set(m.mode, (s = { batches: 0, loss: [], bytes: [], view: null }));
      // x is the batch's index within its mode, counted across epochs.
      const x = s.batches++;
      // A loss the readback policy skipped is NaN: no point, and the line joins its neighbours.
      const loss = m[this.lossKey];
      if (Number.isFinite(loss)) s.loss.push({ x, y: loss });
      s.bytes.push({ x, y: m.numBytes });
      s.view = null;
      this.received++;
    }
    for (const s of this.modes.values()) {
      if (s.loss.length > this.capacity) s.loss = downsampleMinMax(s.loss, this.capacity / 2);
      if (s.bytes.length > this.capacity) s.bytes = downsampleMinMax(s.bytes, this.capacity / 2);
    }
  }

  /** Display series in the table's mode order, each at most `display` points. */
  view(): ModeSeries[] {
    const out: ModeSeries[] = [];
    for (const mode of MODE_NAMES) {
      const s = this.modes.get(mode);
      if (!s) continue;
      s.view ??= { mode, batches: s.batches, loss: downsampleMinMax(s.loss, this.display), bytes: downsampleMinMax(s.bytes, this.display) };
      out.push(s.view);
    }
    return out;
  }
}

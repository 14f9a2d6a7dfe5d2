// Runs in the page (pure). What the charts draw for one trace, derived from its TraceBuffer and the view
// settings: display-sized point lists (downsampled, extremes kept), the smoothed loss, samples per second over
// time and the mean split of a batch into data wait and step. Cached per buffer version and settings, so a
// trace that did not change hands the charts the very same arrays (and recharts can skip them).
import type { ViewSettings, XAxisKind } from '../../shared/view-settings';
import { downsampleRows, type Point } from './downsample';
import { smoothDebiased } from './smoothing';
import { TraceBuffer, type TraceColumn } from './trace-buffer';

export const DISPLAY_POINTS = 1000;
/** Windows of the samples-per-second line: each point is the rate over one window of batches. */
export const SPEED_POINTS = 160;
/** Fewest rows per window: a rate over one or two batches is mostly timer noise. */
const SPEED_MIN_ROWS = 10;

export interface TraceSeries {
  /** The loss as measured (the faint line behind the smoothed one). */
  loss: Point[];
  /** Debiased EMA of the loss; null when smoothing is 0. */
  smoothed: Point[] | null;
  /** Bytes held by live tensors at each batch end. */
  bytes: Point[];
  /** The highest bytes inside each batch's step (the allocation hook); empty where it was not measured. */
  peak: Point[];
  /** GPU pool allocated (in use + free for reuse); empty where the backend has no GPU. */
  pool: Point[];
  tensors: Point[];
  samplesPerSec: Point[];
  /** Mean per batch over the whole mode (exact): all, waiting for data (NaN where not separable), the rest. */
  meanMs: number;
  meanDataMs: number;
  meanStepMs: number;
}

export type LossColumn = Extract<TraceColumn, 'loss' | 'meanLoss'>;

type SeriesSettings = Pick<ViewSettings, 'xAxis' | 'logScale' | 'smoothing'>;

function xOf(buf: TraceBuffer, axis: XAxisKind): { x: Float64Array; xScale: number } {
  if (axis === 'samples') return { x: buf.samples, xScale: 1 };
  if (axis === 'time') return { x: buf.timeMs, xScale: 1 / 1000 };
  return { x: buf.step, xScale: 1 };
}

function column(buf: TraceBuffer, name: TraceColumn, axis: XAxisKind, display: number): Point[] {
  const c = TraceBuffer.column(name);
  return downsampleRows({ ...xOf(buf, axis), lo: buf.lo[c], hi: buf.hi[c], loFirst: buf.loFirst[c], count: buf.count }, display);
}

const positive = (points: Point[]) => points.filter((p) => p.y > 0);

function smoothedLoss(buf: TraceBuffer, name: LossColumn, settings: SeriesSettings, display: number): Point[] {
  const c = TraceBuffer.column(name);
  // Rows hold the mean of the batches merged into them: the average of the average is exact.
  const means = new Float64Array(buf.count);
  for (let r = 0; r < buf.count; r++) means[r] = buf.n[c][r] > 0 ? buf.sum[c][r] / buf.n[c][r] : NaN;
  const smooth = smoothDebiased(means, buf.count, settings.smoothing);
  return downsampleRows({ ...xOf(buf, settings.xAxis), lo: smooth, hi: smooth, loFirst: null, count: buf.count }, display);
}

function samplesPerSecond(buf: TraceBuffer, axis: XAxisKind): Point[] {
  const { x, xScale } = xOf(buf, axis);
  // At least two windows, so even a short run draws a line.
  const groups = Math.min(buf.count, Math.max(2, Math.min(Math.floor(buf.count / SPEED_MIN_ROWS), SPEED_POINTS)));
  const out: Point[] = [];
  let prevSamples = 0;
  let prevMs = 0;
  for (let g = 1; g <= groups; g++) {
    const end = Math.round((g * buf.count) / groups) - 1;
    const dt = buf.timeMs[end] - prevMs;
    if (dt > 0) out.push({ x: x[end] * xScale, y: ((buf.samples[end] - prevSamples) / dt) * 1000 });
    prevSamples = buf.samples[end];
    prevMs = buf.timeMs[end];
  }
  return out;
}

/**
 * The series of one trace, each computed the first time a chart asks for it: a hidden panel's series are never
 * built.
 */
class LazyTraceSeries implements TraceSeries {
  private readonly memo = new Map<string, unknown>();
  readonly meanMs: number;
  readonly meanDataMs: number;
  readonly meanStepMs: number;

  constructor(
    private readonly buf: TraceBuffer,
    private readonly lossColumn: LossColumn,
    private readonly settings: SeriesSettings,
    private readonly display: number,
  ) {
    this.meanMs = buf.mean('ms');
    this.meanDataMs = buf.mean('dataMs');
    this.meanStepMs = Number.isFinite(this.meanDataMs) ? this.meanMs - this.meanDataMs : this.meanMs;
  }

  private once<T>(name: string, make: () => T): T {
    if (!this.memo.has(name)) this.memo.set(name, make());
    return this.memo.get(name) as T;
  }

  // A log axis cannot place zero or negative values.
  private loggable(points: Point[]): Point[] {
    return this.settings.logScale ? positive(points) : points;
  }

  get loss(): Point[] {
    return this.once('loss', () => this.loggable(column(this.buf, this.lossColumn, this.settings.xAxis, this.display)));
  }

  get smoothed(): Point[] | null {
    return this.once('smoothed', () =>
      this.settings.smoothing > 0 ? this.loggable(smoothedLoss(this.buf, this.lossColumn, this.settings, this.display)) : null,
    );
  }

  get bytes(): Point[] {
    return this.once('bytes', () => column(this.buf, 'numBytes', this.settings.xAxis, this.display));
  }

  get peak(): Point[] {
    return this.once('peak', () => column(this.buf, 'stepPeakBytes', this.settings.xAxis, this.display));
  }

  get pool(): Point[] {
    return this.once('pool', () => column(this.buf, 'gpuBytesAllocated', this.settings.xAxis, this.display));
  }

  get tensors(): Point[] {
    return this.once('tensors', () => column(this.buf, 'numTensors', this.settings.xAxis, this.display));
  }

  get samplesPerSec(): Point[] {
    return this.once('samplesPerSec', () => samplesPerSecond(this.buf, this.settings.xAxis));
  }
}

/**
 * The display series of a trace as it stands. Each is computed when first read, from the buffer as it is
 * then: read them before the buffer takes more rows (the page reads them in the render of a rows publish).
 */
export function traceSeries(buf: TraceBuffer, lossColumn: LossColumn, settings: SeriesSettings, display = DISPLAY_POINTS): TraceSeries {
  return new LazyTraceSeries(buf, lossColumn, settings, display);
}

const cache = new WeakMap<TraceBuffer, { version: number; key: string; series: TraceSeries }>();

/** traceSeries, remembered per buffer until it grows or the settings change. */
export function cachedTraceSeries(
  buf: TraceBuffer,
  lossColumn: LossColumn,
  settings: SeriesSettings,
  display = DISPLAY_POINTS,
): TraceSeries {
  const key = `${lossColumn}|${settings.xAxis}|${settings.logScale}|${settings.smoothing}|${display}`;
  const hit = cache.get(buf);
  if (hit && hit.version === buf.version && hit.key === key) return hit.series;
  const series = traceSeries(buf, lossColumn, settings, display);
  cache.set(buf, { version: buf.version, key, series });
  return series;
}

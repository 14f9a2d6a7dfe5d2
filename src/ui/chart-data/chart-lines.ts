// Runs in the page (pure). Chart lines from trace views, one builder per chart. Point arrays are passed on
// as they come from the (cached) series, so an unchanged trace gives recharts the same data array again.
import { formatBytes } from '../format';
import type { ChartLine, ReferenceMark } from '../charts/chart-types';
import type { Point } from './downsample';
import type { ValidationPoint } from './run-book';
import type { TraceView } from './trace-views';

const line = (t: TraceView, suffix: string, points: Point[], extra: Partial<ChartLine> = {}): ChartLine => ({
  key: `${t.key}:${suffix}`, label: t.label, color: t.color, dash: t.dash, points, ...extra,
});

/** The smoothed loss over its raw series drawn faintly, or the raw series alone when smoothing is off. */
export function lossLines(traces: readonly TraceView[]): ChartLine[] {
  return traces.flatMap((t) => (t.series.smoothed ? [line(t, 'raw', t.series.loss, { faint: true }), line(t, 'smooth', t.series.smoothed)] : [line(t, 'raw', t.series.loss)]));
}

/** Bytes in use per trace, with the GPU pool (allocated, in use or free) as a pale companion where it exists. */
export function memoryLines(traces: readonly TraceView[]): ChartLine[] {
  return traces.flatMap((t) => [line(t, 'bytes', t.series.bytes), ...(t.series.pool.length ? [line(t, 'pool', t.series.pool, { secondary: 'GPU pool' })] : [])]);
}

/** The data set's resident bytes per trace that holds it (fit; none for the generator modes). */
export function residentMarks(traces: readonly TraceView[]): ReferenceMark[] {
  return traces
    .filter((t) => Number.isFinite(t.residentBytes) && t.residentBytes > 0)
    .map((t) => ({ key: `${t.key}:resident`, y: t.residentBytes, color: t.color, label: `${t.shortLabel} data set ${formatBytes(t.residentBytes)}` }));
}

export function tensorLines(traces: readonly TraceView[]): ChartLine[] {
  return traces.map((t) => line(t, 'tensors', t.series.tensors));
}

export function speedLines(traces: readonly TraceView[]): ChartLine[] {
  return traces.map((t) => line(t, 'sps', t.series.samplesPerSec));
}

const epochCache = new WeakMap<readonly ValidationPoint[], Record<string, { length: number; points: Point[] }>>();

/** The validation points of a trace, the same array until an epoch adds one. */
function epochPoints(validation: readonly ValidationPoint[], measure: 'accuracy' | 'loss'): Point[] {
  const cached = epochCache.get(validation) ?? {};
  const hit = cached[measure];
  if (hit && hit.length === validation.length) return hit.points;
  const points = validation.map((v) => ({ x: v.epoch, y: measure === 'accuracy' ? v.valAccuracy : v.valLoss })).filter((p) => Number.isFinite(p.y));
  epochCache.set(validation, { ...cached, [measure]: { length: validation.length, points } });
  return points;
}

/** Per-epoch validation: accuracy (classification traces only) or loss, x = epoch. */
export function validationLines(traces: readonly TraceView[], measure: 'accuracy' | 'loss'): ChartLine[] {
  return traces
    .filter((t) => measure === 'loss' || t.classification)
    .map((t) => line(t, `val-${measure}`, epochPoints(t.validation, measure), { dots: true }));
}

export interface TimeSplit {
  key: string;
  label: string;
  color: string;
  /** Mean per batch, ms; dataMs is NaN where waiting cannot be told apart from the step (fit). */
  dataMs: number;
  stepMs: number;
}

export function timeSplits(traces: readonly TraceView[]): TimeSplit[] {
  return traces
    .filter((t) => Number.isFinite(t.series.meanMs))
    .map((t) => ({ key: t.key, label: t.shortLabel, color: t.color, dataMs: t.series.meanDataMs, stepMs: t.series.meanStepMs }));
}

// Runs in the page (pure). Chart lines from trace views, one builder per chart. Point arrays are passed on
// as they come from the (cached) series, so an unchanged trace gives recharts the same data array again.
import { formatBytes } from '../format';
import type { ChartLine, ReferenceMark } from '../charts/chart-types';
import type { Point } from './downsample';
import { shortTraceLabel } from './labels';
import type { RunRecord, ValidationPoint } from './run-book';
import type { TraceView } from './trace-views';

const line = (t: TraceView, suffix: string, points: Point[], extra: Partial<ChartLine> = {}): ChartLine => ({
  key: `${t.key}:${suffix}`,
  label: t.label,
  color: t.color,
  dash: t.dash,
  points,
  ...(t.repeat > 0 ? { repeat: t.repeat } : {}),
  ...(t.reference ? { reference: true } : {}),
  ...extra,
});

/**
 * The smoothed loss over its raw series drawn faintly, or the raw series alone when smoothing is off. A later
 * repeat draws one line, the smoothed one where there is one, faintly in its mode's colour.
 */
export function lossLines(traces: readonly TraceView[]): ChartLine[] {
  return traces.flatMap((t) => {
    const { loss, smoothed } = t.series;
    if (t.repeat > 0) return [line(t, smoothed ? 'smooth' : 'raw', smoothed ?? loss)];
    return smoothed ? [line(t, 'raw', loss, { faint: true }), line(t, 'smooth', smoothed)] : [line(t, 'raw', loss)];
  });
}

/**
 * Memory per trace: the in-step peak (the allocation hook) as the main line, with the batch-end reading faint
 * beside it; the batch-end reading alone where no peak was measured. The GPU pool (allocated, in use or free)
 * is a pale companion where it exists. A later repeat draws its main line only.
 */
export function memoryLines(traces: readonly TraceView[]): ChartLine[] {
  return traces.flatMap((t) => {
    const { peak, bytes, pool } = t.series;
    const main = peak.length ? line(t, 'peak', peak) : line(t, 'bytes', bytes);
    if (t.repeat > 0) return [main];
    return [
      main,
      ...(peak.length ? [line(t, 'bytes', bytes, { faint: true, secondary: 'batch end' })] : []),
      ...(pool.length ? [line(t, 'pool', pool, { secondary: 'GPU pool' })] : []),
    ];
  });
}

/** The data set's resident bytes per mode that holds it (fit; none for the generator modes), from the summaries. */
export function residentMarks(runs: readonly RunRecord[]): ReferenceMark[] {
  const several = runs.length > 1;
  return runs.flatMap((run) =>
    run.traces.flatMap((t) => {
      const bytes = run.summary(t.mode)?.residentBytes ?? NaN;
      if (!(Number.isFinite(bytes) && bytes > 0)) return [];
      return [
        {
          key: `${t.key}:resident`,
          y: bytes,
          color: t.color,
          label: `${shortTraceLabel(run, t.mode, several)} data set ${formatBytes(bytes)}`,
        },
      ];
    }),
  );
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
  const points = validation
    .map((v) => ({ x: v.epoch, y: measure === 'accuracy' ? v.valAccuracy : v.valLoss }))
    .filter((p) => Number.isFinite(p.y));
  epochCache.set(validation, { ...cached, [measure]: { length: validation.length, points } });
  return points;
}

/** Per-epoch validation: accuracy (classification traces only) or loss, x = epoch. */
export function validationLines(traces: readonly TraceView[], measure: 'accuracy' | 'loss'): ChartLine[] {
  return traces
    .filter((t) => measure === 'loss' || t.classification)
    .map((t) => line(t, `val-${measure}`, epochPoints(t.validation, measure), { dots: true }));
}

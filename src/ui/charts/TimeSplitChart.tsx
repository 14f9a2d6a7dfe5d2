// Runs in the page. Time per batch, per mode: a bar of the steady-state median (the summary table's number;
// "live" while the mode still runs), its pale start the median wait for data where the generator's wait can be
// told apart from the step; under it, the distribution of the steady batches on a log axis
// (BatchTimeDistribution), so stalls and two-speed timing show. The bars take values rounded to two digits
// and an axis computed here, so while a run streams they are redrawn only when a bar visibly moves.
import { memo, useMemo, useRef } from 'react';
import { linearTicks, type AxisScale } from '../chart-data/axis-ticks';
import type { BatchTimeRow } from '../chart-data/batch-time-rows';
import { formatInt, formatMs } from '../format';
import { useKeyedValue } from '../hooks/use-keyed-value';
import { BatchTimeDistribution } from './BatchTimeDistribution';
import type { LegendItem } from './chart-types';
import { PngButton } from './PngButton';
import { useWidth } from './use-width';

interface Bar {
  key: string;
  label: string;
  color: string;
  /** Rounded ms: the median wait for data (0 where unknown) and the median batch. */
  data: number;
  total: number;
  live: boolean;
}

const twoDigits = (v: number) => (Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(2)) : 0);

const LEGEND: LegendItem[] = [{ key: 'median', label: 'median time per batch (pale start: median wait for data)', color: '#888888' }];

const LABEL_W = 120;
const ROW_H = 34;
const AXIS_H = 28;
const RIGHT = 24;

/**
 * Horizontal bars in plain SVG, as wide as their box: a handful of rectangles do not need recharts' bar
 * machinery, which cost main-bundle size and time per update.
 */
function Bars({ bars, x, width, height }: { bars: readonly Bar[]; x: AxisScale; width: number; height: number }) {
  const plotW = Math.max(10, width - LABEL_W - RIGHT);
  const scale = (v: number) => LABEL_W + (v / x.domain[1]) * plotW;
  const bottom = height - AXIS_H;
  return (
    <svg className="chart-surface" width={width} height={height} role="presentation">
      {x.ticks.map((t) => (
        <g key={t}>
          <line x1={scale(t)} x2={scale(t)} y1={4} y2={bottom} className="bar-grid" strokeDasharray="3 3" />
          <text x={scale(t)} y={bottom + 16} textAnchor="middle" className="recharts-cartesian-axis-tick-value">
            {formatMs(t)}
          </text>
        </g>
      ))}
      {bars.map((r, i) => {
        const y = 4 + i * ROW_H + 6;
        const h = ROW_H - 12;
        const data = Math.min(r.data, r.total);
        return (
          <g key={r.key} data-live={r.live}>
            <text x={LABEL_W - 8} y={y + h / 2} dy="0.32em" textAnchor="end" className="recharts-cartesian-axis-tick-value">
              {r.label}
            </text>
            <rect x={scale(0)} y={y} width={Math.max(0, scale(data) - scale(0))} height={h} fill={r.color} fillOpacity={0.35} />
            <rect
              x={scale(data)}
              y={y}
              width={Math.max(0, scale(r.total) - scale(data))}
              height={h}
              fill={r.color}
              fillOpacity={r.live ? 0.6 : 1}
            />
          </g>
        );
      })}
    </svg>
  );
}

/** The bars: re-rendered only when the rounded bars or the axis change. */
const BarsBox = memo(function BarsBox({ bars, x }: { bars: readonly Bar[]; x: AxisScale }) {
  const [box, width] = useWidth<HTMLDivElement>();
  const height = ROW_H * Math.max(1, bars.length) + AXIS_H + 8;
  return (
    <div ref={box} style={{ height }}>
      {width > 0 && <Bars bars={bars} x={x} width={width} height={height} />}
    </div>
  );
});

/** "1.23 ms median (live) · 0.4 ms data wait · 1 warm-up batch left out of 4,999" */
export function describeRow(r: BatchTimeRow): string {
  const parts = [`${formatMs(r.medianMs)} median${r.live ? ' (live)' : r.repeats > 1 ? ` (over ${r.repeats} repeats)` : ''}`];
  if (Number.isFinite(r.dataMs)) parts.push(`${formatMs(r.dataMs)} waiting for data`);
  if (r.box) parts.push(`p5–p95 ${formatMs(r.box.p5)}–${formatMs(r.box.p95)}`);
  if (Number.isFinite(r.warmupBatches))
    parts.push(
      `${formatInt(r.warmupBatches)} warm-up batch${r.warmupBatches === 1 ? '' : 'es'} left out of ${formatInt(r.warmupBatches + r.steadyBatches)}`,
    );
  else parts.push(`latest ${formatInt(r.steadyBatches)} batches`);
  return parts.join(' · ');
}

/** `rows` from batchTimeRows (SpeedPanel). */
export const TimeSplitChart = memo(function TimeSplitChart({ rows }: { rows: readonly BatchTimeRow[] }) {
  const figure = useRef<HTMLElement>(null);
  const barKey = rows.map((r) => `${r.key}:${r.color}:${r.live}:${twoDigits(r.dataMs)}:${twoDigits(r.medianMs)}`).join('|');
  const bars = useKeyedValue(barKey, () =>
    rows.map((r): Bar => ({
      key: r.key,
      label: r.label,
      color: r.color,
      data: twoDigits(Number.isFinite(r.dataMs) ? r.dataMs : 0),
      total: twoDigits(r.medianMs),
      live: r.live,
    })),
  );
  const top = Math.max(0, ...bars.map((r) => r.total));
  // top moves only when the rounded bars do, and then the bars redraw anyway.
  const x = useMemo(() => linearTicks(0, top || 1, 4), [top]);
  return (
    <figure ref={figure} className="card chart" data-testid="time-split-chart" aria-labelledby="time-split-title">
      <figcaption className="chart-head">
        <h2 id="time-split-title">Time per batch</h2>
        <PngButton figure={figure} title="Time per batch" legend={LEGEND} name="time-split" disabled={rows.length === 0} />
        <p id="time-split-desc" className="muted chart-desc">
          The median batch after the warm-up, as in the table (marked live, from the batches so far, until the mode ends); the pale start is
          the median wait for data where it can be told apart from the step. Below, how the steady batches spread, on a log axis.
        </p>
      </figcaption>
      <div className="chart-plot" aria-hidden="true">
        <BarsBox bars={bars} x={x} />
        {rows.length === 0 && <p className="chart-empty muted">No batches yet.</p>}
      </div>
      {rows.length > 0 && (
        <ul className="split-values" aria-label="Median time per batch">
          {rows.map((r) => (
            <li key={r.key} data-mode={r.mode} data-live={r.live} data-median-ms={r.medianMs}>
              <span className="swatch" style={{ background: r.color }} aria-hidden="true" />
              {r.label}: {describeRow(r)}
            </li>
          ))}
        </ul>
      )}
      <BatchTimeDistribution rows={rows} />
    </figure>
  );
});

// Runs in the page. Where a batch's time goes, per trace: waiting for data (pale) and the training step
// (solid), as mean milliseconds per batch so far. fit slices its batches inside the step, so its time is all
// step. The bars take values rounded to two digits and an axis computed here, so while a run streams they are
// redrawn only when a bar visibly moves.
import { memo, useMemo, useRef } from 'react';
import { linearTicks, type AxisScale } from '../chart-data/axis-ticks';
import type { TimeSplit } from '../chart-data/chart-lines';
import { formatMs } from '../format';
import type { LegendItem } from './chart-types';
import { PngButton } from './PngButton';
import { useWidth } from './use-width';

interface Row {
  key: string;
  label: string;
  color: string;
  data: number;
  step: number;
  text: string;
}

const twoDigits = (v: number) => (Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(2)) : 0);

const LEGEND: LegendItem[] = [
  { key: 'step', label: 'training step (solid)', color: '#888888' },
  { key: 'data', label: 'waiting for data (pale)', color: '#bbbbbb', dash: '4 3' },
];

const LABEL_W = 120;
const ROW_H = 34;
const AXIS_H = 28;
const RIGHT = 24;

/**
 * Stacked horizontal bars in plain SVG, as wide as their box: a handful of rectangles do not need recharts'
 * bar machinery, which cost main-bundle size and time per update.
 */
function Bars({ rows, x, width, height }: { rows: readonly Row[]; x: AxisScale; width: number; height: number }) {
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
      {rows.map((r, i) => {
        const y = 4 + i * ROW_H + 6;
        const h = ROW_H - 12;
        return (
          <g key={r.key}>
            <text x={LABEL_W - 8} y={y + h / 2} dy="0.32em" textAnchor="end" className="recharts-cartesian-axis-tick-value">
              {r.label}
            </text>
            <rect x={scale(0)} y={y} width={Math.max(0, scale(r.data) - scale(0))} height={h} fill={r.color} fillOpacity={0.35} />
            <rect x={scale(r.data)} y={y} width={Math.max(0, scale(r.data + r.step) - scale(r.data))} height={h} fill={r.color} />
          </g>
        );
      })}
    </svg>
  );
}

/** The bars: re-rendered only when the (paced, rounded) rows or the axis change. */
const BarsBox = memo(function BarsBox({ rows, x }: { rows: readonly Row[]; x: AxisScale }) {
  const [box, width] = useWidth<HTMLDivElement>();
  const height = ROW_H * Math.max(1, rows.length) + AXIS_H + 8;
  return (
    <div ref={box} style={{ height }}>
      {width > 0 && <Bars rows={rows} x={x} width={width} height={height} />}
    </div>
  );
});

/** `splits` arrive paced (SpeedPanel). */
export const TimeSplitChart = memo(function TimeSplitChart({ splits }: { splits: readonly TimeSplit[] }) {
  const figure = useRef<HTMLElement>(null);
  const rows: Row[] = useMemo(() => splits.map((s) => {
    const data = Number.isFinite(s.dataMs) ? s.dataMs : 0;
    const text = Number.isFinite(s.dataMs) ? `${formatMs(s.dataMs + s.stepMs)}: ${formatMs(s.dataMs)} data + ${formatMs(s.stepMs)} step` : `${formatMs(s.stepMs)} (slicing inside the step)`;
    return { key: s.key, label: s.label, color: s.color, data, step: s.stepMs, text };
  }), [splits]);
  const barKey = rows.map((r) => `${r.key}:${r.color}:${twoDigits(r.data)}:${twoDigits(r.step)}`).join('|');
  const bars = useMemo(() => rows.map((r) => ({ ...r, data: twoDigits(r.data), step: twoDigits(r.step) })), [barKey]);
  const top = Math.max(0, ...bars.map((r) => r.data + r.step));
  // top moves only when the rounded bars do, and then the bars redraw anyway.
  const x = useMemo(() => linearTicks(0, top || 1, 4), [top]);
  return (
    <figure ref={figure} className="card chart" data-testid="time-split-chart" aria-labelledby="time-split-title">
      <figcaption className="chart-head">
        <h2 id="time-split-title">Time per batch</h2>
        <PngButton figure={figure} title="Time per batch" legend={LEGEND} name="time-split" disabled={rows.length === 0} />
        <p id="time-split-desc" className="muted chart-desc">
          Mean per batch so far, split into waiting for data (pale) and the training step (solid). The table has the medians.
        </p>
      </figcaption>
      <div className="chart-plot" aria-hidden="true">
        <BarsBox rows={bars} x={x} />
        {rows.length === 0 && <p className="chart-empty muted">No batches yet.</p>}
      </div>
      {rows.length > 0 && (
        <ul className="split-values" aria-label="Mean time per batch">
          {rows.map((r) => (
            <li key={r.key}>
              <span className="swatch" style={{ background: r.color }} aria-hidden="true" />
              {r.label}: {r.text}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
});

// Runs in the page. Where a batch's time goes, per trace: waiting for data (pale) and the training step
// (solid), as mean milliseconds per batch so far. fit slices its batches inside the step, so its time is all
// step. The bars take values rounded to two digits and an axis computed here, so while a run streams recharts
// redraws them only when a bar visibly moves.
import { memo, useMemo, useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { linearTicks, type AxisScale } from '../chart-data/axis-ticks';
import type { TimeSplit } from '../chart-data/chart-lines';
import { formatMs } from '../format';
import type { LegendItem } from './chart-types';
import { usePaced } from '../hooks/use-paced';
import { plainTick } from './plain-tick';
import { PngButton } from './PngButton';

interface Row {
  key: string;
  label: string;
  color: string;
  data: number;
  step: number;
  text: string;
}

const formatTick = (v: number) => formatMs(v);
const twoDigits = (v: number) => (Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(2)) : 0);

const LEGEND: LegendItem[] = [
  { key: 'step', label: 'training step (solid)', color: '#888888' },
  { key: 'data', label: 'waiting for data (pale)', color: '#bbbbbb', dash: '4 3' },
];

/** The bars: re-rendered only when the (paced) rows change. */
const Bars = memo(function Bars({ rows, x }: { rows: readonly Row[]; x: AxisScale }) {
  return (
    <ResponsiveContainer width="100%" height={34 * Math.max(1, rows.length) + 40}>
      <BarChart data={rows as Row[]} accessibilityLayer={false} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} barCategoryGap={6}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={x.domain} ticks={x.ticks} interval={0} allowDataOverflow tick={plainTick(formatTick)} />
        <YAxis type="category" dataKey="label" width={120} interval={0} tick={plainTick(String)} />
        <Bar dataKey="data" stackId="t" isAnimationActive={false} name="waiting for data">
          {rows.map((r) => (
            <Cell key={r.key} fill={r.color} fillOpacity={0.35} />
          ))}
        </Bar>
        <Bar dataKey="step" stackId="t" isAnimationActive={false} name="training step">
          {rows.map((r) => (
            <Cell key={r.key} fill={r.color} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
});

export const TimeSplitChart = memo(function TimeSplitChart(props: { splits: readonly TimeSplit[] }) {
  const figure = useRef<HTMLElement>(null);
  const splits = usePaced(props.splits);
  const rows: Row[] = useMemo(() => splits.map((s) => {
    const data = Number.isFinite(s.dataMs) ? s.dataMs : 0;
    const text = Number.isFinite(s.dataMs) ? `${formatMs(s.dataMs + s.stepMs)}: ${formatMs(s.dataMs)} data + ${formatMs(s.stepMs)} step` : `${formatMs(s.stepMs)} (slicing inside the step)`;
    return { key: s.key, label: s.label, color: s.color, data, step: s.stepMs, text };
  }), [splits]);
  const legend = LEGEND;
  const barKey = rows.map((r) => `${r.key}:${r.color}:${twoDigits(r.data)}:${twoDigits(r.step)}`).join('|');
  const bars = useMemo(() => rows.map((r) => ({ ...r, data: twoDigits(r.data), step: twoDigits(r.step) })), [barKey]);
  const top = Math.max(0, ...bars.map((r) => r.data + r.step));
  const tickKey = linearTicks(0, top || 1, 4).ticks.join();
  const x = useMemo(() => linearTicks(0, top || 1, 4), [tickKey]);
  return (
    <figure ref={figure} className="card chart" data-testid="time-split-chart" aria-labelledby="time-split-title">
      <figcaption className="chart-head">
        <h2 id="time-split-title">Time per batch</h2>
        <PngButton figure={figure} title="Time per batch" legend={legend} name="time-split" disabled={rows.length === 0} />
        <p id="time-split-desc" className="muted chart-desc">
          Mean per batch so far, split into waiting for data (pale) and the training step (solid). The table has the medians.
        </p>
      </figcaption>
      <div className="chart-plot" aria-hidden="true">
        <Bars rows={bars} x={x} />
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

// Runs in the page. How each mode's steady batch times spread, on one log axis: a histogram (log-spaced bins,
// bars as tall as their share of the mode's most-filled bin) over a box plot (whiskers at p5 and p95, box from
// p25 to p75, the line at the median). A stall shows as a far whisker or a lone bar on the right; timing with
// two speeds as two humps. Plain SVG, like the bars above it.
import { memo } from 'react';
import { logTicks, type AxisScale } from '../chart-data/axis-ticks';
import type { BatchTimeRow } from '../chart-data/batch-time-rows';
import { formatMs } from '../format';
import { useWidth } from './use-width';

const LABEL_W = 120;
const ROW_H = 40;
const HIST_H = 18;
const AXIS_H = 24;
const RIGHT = 24;

/** The log axis that holds every row's whiskers and histogram; null when no row has a positive time. */
export function distributionAxis(rows: readonly BatchTimeRow[]): AxisScale | null {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (v: number | undefined) => {
    if (v !== undefined && Number.isFinite(v) && v > 0) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  };
  for (const r of rows) {
    take(r.box?.p5);
    take(r.box?.p95);
    take(r.histogram?.edges[0]);
    take(r.histogram?.edges.at(-1));
  }
  return lo <= hi ? logTicks(lo, hi) : null;
}

function Row({ row, y, at }: { row: BatchTimeRow; y: number; at: (v: number) => number }) {
  const { box, histogram } = row;
  const maxCount = histogram ? Math.max(1, ...histogram.counts) : 1;
  const boxY = y + HIST_H + 4;
  const boxH = ROW_H - HIST_H - 12;
  return (
    <g data-mode={row.mode}>
      <text x={LABEL_W - 8} y={boxY + boxH / 2} dy="0.32em" textAnchor="end" className="recharts-cartesian-axis-tick-value">
        {row.label}
      </text>
      {histogram?.counts.map((count, i) =>
        count > 0 ? (
          <rect
            key={i}
            x={at(histogram.edges[i])}
            width={Math.max(1, at(histogram.edges[i + 1]) - at(histogram.edges[i]) - 0.5)}
            y={y + HIST_H * (1 - count / maxCount)}
            height={HIST_H * (count / maxCount)}
            fill={row.color}
            fillOpacity={0.45}
          />
        ) : null,
      )}
      {box && (
        <g stroke={row.color} strokeWidth={1.5} data-testid="box-plot">
          <line x1={at(box.p5)} x2={at(box.p25)} y1={boxY + boxH / 2} y2={boxY + boxH / 2} />
          <line x1={at(box.p75)} x2={at(box.p95)} y1={boxY + boxH / 2} y2={boxY + boxH / 2} />
          <line x1={at(box.p5)} x2={at(box.p5)} y1={boxY + 2} y2={boxY + boxH - 2} />
          <line x1={at(box.p95)} x2={at(box.p95)} y1={boxY + 2} y2={boxY + boxH - 2} />
          <rect x={at(box.p25)} y={boxY} width={Math.max(1, at(box.p75) - at(box.p25))} height={boxH} fill={row.color} fillOpacity={0.2} />
          <line x1={at(box.p50)} x2={at(box.p50)} y1={boxY} y2={boxY + boxH} strokeWidth={2.5} />
        </g>
      )}
    </g>
  );
}

function Plot({ rows, axis, width }: { rows: readonly BatchTimeRow[]; axis: AxisScale; width: number }) {
  const plotW = Math.max(10, width - LABEL_W - RIGHT);
  const [lo, hi] = axis.domain.map(Math.log);
  const at = (v: number) => LABEL_W + ((Math.log(Math.max(v, axis.domain[0])) - lo) / (hi - lo || 1)) * plotW;
  const height = ROW_H * rows.length + AXIS_H;
  const bottom = height - AXIS_H;
  return (
    <svg className="chart-surface" width={width} height={height} role="presentation">
      {axis.ticks.map((t) => (
        <g key={t}>
          <line x1={at(t)} x2={at(t)} y1={2} y2={bottom} className="bar-grid" strokeDasharray="3 3" />
          <text x={at(t)} y={bottom + 16} textAnchor="middle" className="recharts-cartesian-axis-tick-value" data-axis="x">
            {formatMs(t)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => (
        <Row key={r.key} row={r} y={4 + i * ROW_H} at={at} />
      ))}
    </svg>
  );
}

export const BatchTimeDistribution = memo(function BatchTimeDistribution({ rows }: { rows: readonly BatchTimeRow[] }) {
  const [box, width] = useWidth<HTMLDivElement>();
  const shown = rows.filter((r) => r.box || r.histogram);
  const axis = distributionAxis(shown);
  return (
    <div className="chart-plot" data-testid="batch-time-distribution" aria-hidden="true">
      <div ref={box} style={{ height: axis ? ROW_H * shown.length + AXIS_H : 0 }}>
        {axis && width > 0 && <Plot rows={shown} axis={axis} width={width} />}
      </div>
    </div>
  );
});

// Runs in the page, inside a recharts chart. Draws the traces as plain SVG paths on the chart's own scales.
// recharts' <Line> registers its data in the chart's store and re-derives domains, ticks and points through a
// cascade of dispatches on every data change: measured here at tens of milliseconds per chart update while a
// run streams. The charts give recharts fixed domains and ticks instead and draw the (already downsampled)
// points themselves: one string per line per update.
import { createContext, memo, useContext, useId } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { Point } from '../chart-data/downsample';
import type { ChartLine } from './chart-types';

type Scale = (value: unknown) => number | undefined;

/** "M x y L x y …" on the given scales; points off the scale are skipped (the line bridges them). */
export function pathOf(points: readonly Point[], x: Scale, y: Scale): string {
  let d = '';
  for (const p of points) {
    const px = x(p.x);
    const py = y(p.y);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) continue;
    d += `${d ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`;
  }
  return d;
}

interface PathProps {
  line: ChartLine;
  x: Scale;
  y: Scale;
}

/** Line objects are rebuilt every frame; what a path draws changes only with its points, scales or style. */
const samePath = (a: PathProps, b: PathProps) =>
  a.x === b.x &&
  a.y === b.y &&
  a.line.points === b.line.points &&
  a.line.color === b.line.color &&
  a.line.dash === b.line.dash &&
  a.line.faint === b.line.faint &&
  a.line.secondary === b.line.secondary &&
  a.line.repeat === b.line.repeat &&
  a.line.reference === b.line.reference &&
  a.line.dots === b.line.dots &&
  a.line.key === b.line.key;

/** Stroke width and opacity: a faint line (raw loss, batch-end bytes) thin and pale, a repeat faint, a secondary measure pale and wide. */
function strokeOf(line: ChartLine): { width: number; opacity: number } {
  if (line.faint) return { width: 1, opacity: 0.28 };
  if (line.repeat) return { width: 1.2, opacity: 0.4 };
  if (line.reference) return { width: 1.4, opacity: 0.45 };
  if (line.secondary) return { width: 3, opacity: 0.35 };
  return { width: 1.6, opacity: 1 };
}

const Path = memo(function Path({ line, x, y }: PathProps) {
  const d = pathOf(line.points, x, y);
  const { width, opacity } = strokeOf(line);
  return (
    <g className="trace-line" data-key={line.key} data-repeat={line.repeat ?? 0} data-reference={line.reference ? 1 : undefined}>
      <path
        d={d}
        fill="none"
        stroke={line.color}
        strokeWidth={width}
        strokeOpacity={opacity}
        strokeDasharray={line.faint ? undefined : line.dash}
        strokeLinejoin="round"
      />
      {(line.dots || line.points.length === 1) &&
        line.points.map((p) => {
          const cx = x(p.x);
          const cy = y(p.y);
          return cx === undefined || cy === undefined ? null : <circle key={`${p.x}:${p.y}`} cx={cx} cy={cy} r={2.5} fill={line.color} />;
        })}
    </g>
  );
}, samePath);

/** The lines to draw, provided by the chart card around the recharts chart. */
export const LinesContext = createContext<readonly ChartLine[]>([]);

export function TraceLines() {
  const lines = useContext(LinesContext);
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  const clip = useId();
  if (!x || !y || !plot) return null;
  return (
    <g className="trace-lines">
      <defs>
        <clipPath id={clip}>
          {/* A few pixels past the plot on every side: a dot on the last epoch sits on the right edge. */}
          <rect x={plot.x - 4} y={plot.y - 4} width={plot.width + 8} height={plot.height + 8} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>
        {lines.map((line) => (
          <Path key={line.key} line={line} x={x} y={y} />
        ))}
      </g>
    </g>
  );
}

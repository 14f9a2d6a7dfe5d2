// Runs in the page. The values of every trace at the hovered x, exact as measured (a downsampled pair shows its
// low and high), placed beside the hover line and announced politely for keyboard users.
import { nearestAt } from '../chart-data/nearest';
import type { ChartLine } from './chart-types';
import { LineSample } from './ChartLegend';

export interface HoverReadoutProps {
  x: number;
  /** Pixel x of the hover line inside the plot box, and the box's width, to place the readout beside it. */
  px: number;
  width: number;
  lines: readonly ChartLine[];
  /** The x extent of the drawn lines (TraceChart has it for its scales): how far from x a point may be. */
  xRange: readonly [number, number] | null;
  xLabel: string;
  formatX(v: number): string;
  formatY(v: number): string;
}

export function HoverReadout({ x, px, width, lines, xRange, xLabel, formatX, formatY }: HoverReadoutProps) {
  const span = xRange ? xRange[1] - xRange[0] : 0;
  const rows = lines
    .filter((l) => !l.faint || l.secondary)
    .map((line) => ({ line, at: nearestAt(line.points, x, span * 0.02) }))
    .filter((r) => r.at !== null && r.at.values.length > 0);
  const onLeft = px > width / 2;
  // The header names the x of the first trace's point there; rows whose own point sits elsewhere say where.
  const headX = rows[0]?.at?.x ?? x;
  return (
    <div
      className="hover-readout"
      role="status"
      style={onLeft ? { right: width - px + 12 } : { left: px + 12 }}
      data-testid="hover-readout"
    >
      <p className="hover-x">
        {xLabel} {formatX(headX)}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No trace here.</p>
      ) : (
        <ul>
          {rows.map(({ line, at }) => (
            <li key={line.key}>
              <LineSample color={line.color} dash={line.dash} />
              <span className="hover-label">
                {line.label}
                {line.repeat ? ` (repeat ${line.repeat + 1})` : ''}
                {line.secondary ? ` (${line.secondary})` : ''}
              </span>
              <span className="hover-value">
                {at!.values.length > 1
                  ? `${formatY(Math.min(...at!.values))} … ${formatY(Math.max(...at!.values))}`
                  : formatY(at!.values[0])}
                {formatX(at!.x) !== formatX(headX) ? <span className="muted"> at {formatX(at!.x)}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// Runs in the page. One metric per batch, one line per mode. Animation is off and the series arrive already
// downsampled, so a redraw per animation frame stays cheap.
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ModeName } from '../../shared/config';
import type { Point } from '../chart-data/downsample';
import { MODE_COLORS, MODE_DASHES } from './mode-colors';

export interface ChartLine {
  mode: ModeName;
  points: Point[];
}

export interface MetricChartProps {
  id: string;
  title: string;
  description: string;
  lines: readonly ChartLine[];
  formatY(value: number): string;
  /** Start the y axis at zero (a flat memory line would otherwise get one repeated tick). */
  fromZero?: boolean;
}

export const MetricChart = memo(function MetricChart({ id, title, description, lines, formatY, fromZero = false }: MetricChartProps) {
  const drawn = lines.filter((l) => l.points.length > 0);
  return (
    <figure className="card chart" data-testid={`${id}-chart`} aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-desc`} className="muted">
          {description}
        </p>
      </figcaption>
      {drawn.length === 0 ? (
        <p className="chart-empty muted">No batches yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
            <XAxis type="number" dataKey="x" domain={[0, 'dataMax']} allowDecimals={false} tickFormatter={(v: number) => String(v)} />
            <YAxis type="number" dataKey="y" width={72} tickFormatter={formatY} domain={fromZero ? [0, 'auto'] : ['auto', 'auto']} />
            <Legend itemSorter={null} />
            {drawn.map((line) => (
              <Line
                key={line.mode}
                name={line.mode}
                data={line.points}
                dataKey="y"
                type="linear"
                stroke={MODE_COLORS[line.mode]}
                strokeDasharray={MODE_DASHES[line.mode]}
                strokeWidth={1.5}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
});

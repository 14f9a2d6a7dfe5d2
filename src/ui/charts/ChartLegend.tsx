// Runs in the page. A chart's legend: one entry per trace, its colour and dash as drawn.
import type { LegendItem } from './chart-types';

export function LineSample({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg className="line-sample" width="26" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="25" y2="5" stroke={color} strokeWidth="2.5" strokeDasharray={dash} />
    </svg>
  );
}

export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.key}>
          <LineSample color={item.color} dash={item.dash} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

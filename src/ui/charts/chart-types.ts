// Runs in the page. What a trace chart draws: lines (one per trace and measure) and horizontal marks.
import type { ViewSettings } from '../../shared/view-settings';
import type { Point } from '../chart-data/downsample';
import type { TraceView } from '../chart-data/trace-views';

export interface ChartLine {
  key: string;
  /** Legend and hover label of the trace this line belongs to. */
  label: string;
  color: string;
  dash?: string;
  points: Point[];
  /** Drawn thin and pale behind the others (the raw loss under its smoothed line); not in legend or hover. */
  faint?: boolean;
  /** Drawn as a secondary measure of its trace (pale, thicker): in hover under `secondaryLabel`, not in the legend. */
  secondary?: string;
  /** Show a dot on each point (short series such as per-epoch validation). */
  dots?: boolean;
}

export interface ReferenceMark {
  key: string;
  y: number;
  color: string;
  label: string;
}

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  dash?: string;
}

/** One legend entry per trace, in first-appearance order, from the lines that are neither faint nor secondary. */
export function legendOf(lines: readonly ChartLine[]): LegendItem[] {
  const seen = new Set<string>();
  const items: LegendItem[] = [];
  for (const l of lines) {
    if (l.faint || l.secondary || seen.has(l.label)) continue;
    seen.add(l.label);
    items.push({ key: l.key, label: l.label, color: l.color, dash: l.dash });
  }
  return items;
}

/** What ResultsView hands each chart panel. */
export interface PanelProps {
  traces: readonly TraceView[];
  settings: ViewSettings;
  /** A run is streaming. */
  live: boolean;
  /** Where the x axis ends while live (progress-math's furthestPlannedX); NaN: it grows with the data. */
  xPlan: number;
}

// Runs in the page. What a trace chart draws: lines (one per trace and measure) and horizontal marks.
import type { ViewSettings } from '../../shared/view-settings';
import type { Point } from '../chart-data/downsample';
import type { RunSnapshot } from '../chart-data/run-store';
import type { TraceView } from '../chart-data/trace-views';

export interface ChartLine {
  key: string;
  /** Legend and hover label of the trace this line belongs to. */
  label: string;
  color: string;
  dash?: string;
  points: Point[];
  /** Drawn thin and pale behind the others (the raw loss under its smoothed line); not in the legend, and in the
   * hover only when it names a secondary measure. */
  faint?: boolean;
  /** A secondary measure of its trace (pale, thicker unless faint): in the hover under this name, not in the legend. */
  secondary?: string;
  /** The 0-based repeat of a later repeat (≥ 1) of its mode: drawn faintly in the same colour, in the hover, not in the legend. */
  repeat?: number;
  /** A reference run's line (shipped with the app, `ref=`): drawn faintly, listed in the legend. */
  reference?: boolean;
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

/**
 * One legend entry per trace, in first-appearance order, from the lines that are neither faint, secondary nor a
 * later repeat: a mode run three times is listed once.
 */
export function legendOf(lines: readonly ChartLine[]): LegendItem[] {
  const seen = new Set<string>();
  const items: LegendItem[] = [];
  for (const l of lines) {
    if (l.faint || l.secondary || l.repeat || seen.has(l.label)) continue;
    seen.add(l.label);
    items.push({ key: l.key, label: l.label, color: l.color, dash: l.dash });
  }
  return items;
}

/** What ResultsView hands each chart panel. */
export interface PanelProps {
  /** From the latest rows publish of the run store. */
  traces: readonly TraceView[];
  /**
   * The run store's snapshot these traces came from. The run records are mutable: a memo over what they hold
   * (their summaries, their buffers) keys on this immutable snapshot, or on its `events` (a new object at each
   * run event), and reads the runs from it.
   */
  snapshot: RunSnapshot;
  settings: ViewSettings;
  /** A run is streaming. */
  live: boolean;
  /** Where the x axis ends while live (progress-math's furthestPlannedX); NaN: it grows with the data. */
  xPlan: number;
}

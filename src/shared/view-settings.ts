// Runs everywhere (pure). How the page shows runs, as opposed to what runs (RunConfig): the charts' x axis,
// the loss scale, the smoothing and which panels are hidden. Kept in src/shared so that the URL codec
// (src/links) can read and write these keys without importing the UI.
import { parseBool } from './field-kinds';

/** What the charts' x axis counts: steps of the mode, training samples consumed, or the mode's wall time. */
export const X_AXES = ['batch', 'samples', 'time'] as const;
export type XAxisKind = (typeof X_AXES)[number];

/** Panels of the results column that can be hidden. */
export const PANEL_IDS = ['loss', 'memory', 'speed', 'validation', 'insights', 'table', 'about'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export interface ViewSettings {
  xAxis: XAxisKind;
  /** Loss on a log scale (values ≤ 0 cannot be drawn there and are left out). */
  logScale: boolean;
  /** TensorBoard's smoothing weight: 0 = raw, towards 1 = smoother (debiased exponential moving average). */
  smoothing: number;
  /** Panels not shown, in PANEL_IDS order. */
  hidden: PanelId[];
}

/** Above this the moving average lags so far behind that the line stops saying anything. */
export const SMOOTHING_MAX = 0.99;

export const DEFAULT_VIEW_SETTINGS: Readonly<ViewSettings> = Object.freeze({
  xAxis: 'batch',
  logScale: false,
  // TensorBoard's default.
  smoothing: 0.6,
  hidden: [],
});

export interface ViewSettingsResult {
  settings: ViewSettings;
  /** What was not used as given, one readable line each. */
  warnings: string[];
}

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/**
 * Rebuilds view settings from untrusted input (URL values as strings, postMessage objects): never throws;
 * a missing value takes the default, a bad one the default with a warning. `hidden` takes a list or a
 * comma-separated string.
 */
export function normalizeViewSettings(raw: Partial<Record<keyof ViewSettings, unknown>> = {}): ViewSettingsResult {
  const settings: ViewSettings = { ...DEFAULT_VIEW_SETTINGS, hidden: [] };
  const warnings: string[] = [];
  if (raw.xAxis !== undefined) {
    if (isOneOf(X_AXES, raw.xAxis)) settings.xAxis = raw.xAxis;
    else warnings.push(`x axis ${JSON.stringify(String(raw.xAxis))} is not one of ${X_AXES.join(', ')}; using ${settings.xAxis}`);
  }
  if (raw.logScale !== undefined) {
    const value = parseBool(raw.logScale);
    if (value === undefined)
      warnings.push(`log scale ${JSON.stringify(String(raw.logScale))} is not on or off; using ${settings.logScale ? 'on' : 'off'}`);
    else settings.logScale = value;
  }
  if (raw.smoothing !== undefined) {
    const value = typeof raw.smoothing === 'number' ? raw.smoothing : Number(String(raw.smoothing).trim() || NaN);
    if (!Number.isFinite(value))
      warnings.push(`smoothing ${JSON.stringify(String(raw.smoothing))} is not a number; using ${settings.smoothing}`);
    else {
      settings.smoothing = Math.min(SMOOTHING_MAX, Math.max(0, value));
      if (settings.smoothing !== value) warnings.push(`smoothing ${value} is outside 0…${SMOOTHING_MAX}; using ${settings.smoothing}`);
    }
  }
  if (raw.hidden !== undefined) {
    const items = Array.isArray(raw.hidden) ? raw.hidden.map(String) : String(raw.hidden).split(',');
    const wanted = new Set<string>();
    for (const item of items.map((s) => s.trim()).filter(Boolean)) {
      if (isOneOf(PANEL_IDS, item)) wanted.add(item);
      else warnings.push(`panel ${JSON.stringify(item)} is not one of ${PANEL_IDS.join(', ')}; ignored`);
    }
    settings.hidden = PANEL_IDS.filter((p) => wanted.has(p));
  }
  return { settings, warnings };
}

export function sameViewSettings(a: ViewSettings, b: ViewSettings): boolean {
  return a.xAxis === b.xAxis && a.logScale === b.logScale && a.smoothing === b.smoothing && a.hidden.join() === b.hidden.join();
}

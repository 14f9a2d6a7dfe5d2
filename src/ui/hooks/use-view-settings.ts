// Runs in the page. How the results are shown (x axis, log scale, smoothing, hidden panels): one typed object
// with defaults (src/shared/view-settings.ts), so the URL contract can carry it. Controlled, as a React input
// is: the value lives elsewhere (the address bar) and changes come back through onChange.
import { useCallback } from 'react';
import { normalizeViewSettings, type PanelId, type ViewSettings } from '../../shared/view-settings';

export interface ViewSettingsOptions {
  value: ViewSettings;
  onChange(next: ViewSettings): void;
}

export interface ViewSettingsControl {
  settings: ViewSettings;
  /** Merges a change (validated) and reports it. */
  update(patch: Partial<ViewSettings>): void;
  /** Shows or hides one panel. */
  setPanel(panel: PanelId, shown: boolean): void;
  isShown(panel: PanelId): boolean;
}

export function useViewSettings({ value: settings, onChange }: ViewSettingsOptions): ViewSettingsControl {
  const update = useCallback(
    (patch: Partial<ViewSettings>) => onChange(normalizeViewSettings({ ...settings, ...patch }).settings),
    [settings, onChange],
  );

  const setPanel = useCallback(
    (panel: PanelId, shown: boolean) =>
      update({ hidden: shown ? settings.hidden.filter((p) => p !== panel) : [...settings.hidden, panel] }),
    [settings.hidden, update],
  );

  const isShown = useCallback((panel: PanelId) => !settings.hidden.includes(panel), [settings.hidden]);

  return { settings, update, setPanel, isShown };
}

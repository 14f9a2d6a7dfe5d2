// Runs in the page. How the results are shown (x axis, log scale, smoothing, hidden panels): one typed object
// with defaults (src/shared/view-settings.ts), so the URL contract can carry it. Uncontrolled by default; pass
// `value` and `onChange` to keep it somewhere else (the address bar), as with a React input.
import { useCallback, useState } from 'react';
import { DEFAULT_VIEW_SETTINGS, normalizeViewSettings, type PanelId, type ViewSettings } from '../../shared/view-settings';

export interface ViewSettingsOptions {
  /** Starting values when uncontrolled (validated; bad ones fall back to the defaults). */
  initial?: Partial<ViewSettings>;
  /** Controlled value: the hook then only reports changes through onChange. */
  value?: ViewSettings;
  onChange?(next: ViewSettings): void;
}

export interface ViewSettingsControl {
  settings: ViewSettings;
  /** Merges a change (validated) and reports it. */
  update(patch: Partial<ViewSettings>): void;
  /** Shows or hides one panel. */
  setPanel(panel: PanelId, shown: boolean): void;
  isShown(panel: PanelId): boolean;
}

export { DEFAULT_VIEW_SETTINGS, type ViewSettings };

export function useViewSettings(options: ViewSettingsOptions = {}): ViewSettingsControl {
  const [own, setOwn] = useState<ViewSettings>(() => normalizeViewSettings(options.initial).settings);
  const settings = options.value ?? own;
  const { onChange } = options;
  const controlled = options.value !== undefined;

  const update = useCallback(
    (patch: Partial<ViewSettings>) => {
      const next = normalizeViewSettings({ ...settings, ...patch }).settings;
      if (!controlled) setOwn(next);
      onChange?.(next);
    },
    [settings, controlled, onChange],
  );

  const setPanel = useCallback(
    (panel: PanelId, shown: boolean) => update({ hidden: shown ? settings.hidden.filter((p) => p !== panel) : [...settings.hidden, panel] }),
    [settings.hidden, update],
  );

  const isShown = useCallback((panel: PanelId) => !settings.hidden.includes(panel), [settings.hidden]);

  return { settings, update, setPanel, isShown };
}

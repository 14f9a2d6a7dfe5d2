// Runs in Node. View settings from untrusted input: defaults, clamping, warnings, never a throw.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_SETTINGS, PANEL_IDS, SMOOTHING_MAX, normalizeViewSettings, sameViewSettings } from '../../src/shared/view-settings';

describe('normalizeViewSettings', () => {
  it('gives the defaults for nothing', () => {
    const { settings, warnings } = normalizeViewSettings();
    expect(settings).toEqual(DEFAULT_VIEW_SETTINGS);
    expect(warnings).toEqual([]);
  });

  it('reads URL-style strings', () => {
    const { settings, warnings } = normalizeViewSettings({ xAxis: 'time', logScale: '1', smoothing: '0.9', hidden: 'table, loss' });
    expect(settings).toEqual({ xAxis: 'time', logScale: true, smoothing: 0.9, hidden: ['loss', 'table'] });
    expect(warnings).toEqual([]);
  });

  it('repairs bad values with a warning each', () => {
    const { settings, warnings } = normalizeViewSettings({ xAxis: 'epochs', logScale: 'maybe', smoothing: 5, hidden: ['memory', 'nope'] });
    expect(settings).toEqual({ ...DEFAULT_VIEW_SETTINGS, smoothing: SMOOTHING_MAX, hidden: ['memory'] });
    expect(warnings).toHaveLength(4);
    expect(normalizeViewSettings({ smoothing: 'abc' }).settings.smoothing).toBe(DEFAULT_VIEW_SETTINGS.smoothing);
    expect(normalizeViewSettings({ smoothing: -1 }).settings.smoothing).toBe(0);
  });

  it('compares settings by value', () => {
    const all = normalizeViewSettings({ hidden: [...PANEL_IDS] }).settings;
    expect(sameViewSettings(all, { ...all, hidden: [...all.hidden] })).toBe(true);
    expect(sameViewSettings(all, DEFAULT_VIEW_SETTINGS)).toBe(false);
  });
});

// Runs in the page (pure). Axis names and tick formats shared by the charts.
import type { XAxisKind } from '../../shared/view-settings';
import { formatInt, formatSig } from '../format';

/** 1234 → "1,234"; 12345 → "12.3k"; 2500000 → "2.5M". */
export function formatCompact(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const abs = Math.abs(v);
  if (abs >= 1e9) return `${formatSig(v / 1e9)}G`;
  if (abs >= 1e6) return `${formatSig(v / 1e6)}M`;
  if (abs >= 1e4) return `${formatSig(v / 1e3)}k`;
  return abs >= 100 || Number.isInteger(v) ? formatInt(v) : formatSig(v);
}

export interface XAxisSpec {
  /** Readout label, before the value: "batch 1,234", "samples 40k", "time 3.2 s". */
  label: string;
  /** For chart descriptions: what x is. */
  words: string;
  format(v: number): string;
}

export const X_AXIS_SPECS: Record<XAxisKind, XAxisSpec> = {
  batch: { label: 'batch', words: 'batches trained in the mode, across epochs', format: formatCompact },
  samples: { label: 'samples', words: 'training samples consumed by the mode', format: formatCompact },
  time: { label: 'time', words: "the mode's wall time in seconds (validation excluded)", format: (v) => `${formatSig(v)} s` },
};

/** Three significant digits, as formatSig: round ticks read "90 %", not "90.0 %" (the table's formatPercent). */
export const formatSigPercent = (v: number): string => (Number.isFinite(v) ? `${formatSig(v * 100)} %` : '–');

// Runs in the page (pure). Axis domains and ticks computed here rather than by recharts: the charts hand recharts
// fixed domains and tick lists, so a chart that streams does not make it re-derive "nice" ticks (with
// decimal.js) on every update. Linear ticks are the usual 1-2-5 steps; log ticks are powers of ten (with 2 and
// 5 between them when the range is short).
import { formatSig } from '../format';
import type { Point } from './downsample';

export interface AxisScale {
  domain: [number, number];
  ticks: number[];
  /** Byte axes: the power of 1024 the ticks step in (1 B, 1024 kB, …), so labels can share that unit. */
  unit?: number;
}

/** Lowest and highest finite value of `values` (and `extra`), or null when there is none. */
export function extent(
  lines: readonly (readonly Point[])[],
  key: 'x' | 'y',
  extra: readonly number[] = [],
  positiveOnly = false,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (v: number) => {
    if (!Number.isFinite(v) || (positiveOnly && v <= 0)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const points of lines) for (const p of points) take(p[key]);
  for (const v of extra) take(v);
  return lo <= hi ? [lo, hi] : null;
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  // d3's thresholds: the step of 1, 2, 5 or 10 whose tick count lands nearest `count`.
  const nice = fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.sqrt(2) ? 2 : 1;
  return nice * power;
}

/** A domain widened to whole steps and about `count` ticks across it. `integer` keeps steps whole. */
export function linearTicks(lo: number, hi: number, count = 5, integer = false): AxisScale {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { domain: [0, 1], ticks: [0, 1] };
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  let step = niceStep(hi - lo, count);
  if (integer) step = Math.max(1, Math.round(step));
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Rounding keeps 0.1 + 0.2 from printing as 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  for (let v = start, i = 0; v <= end + step / 2 && i < 100; v += step, i++) ticks.push(Number(v.toFixed(digits)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** Powers of ten around [lo, hi] (both > 0); with 2 and 5 in between when fewer than three decades. */
export function logTicks(lo: number, hi: number): AxisScale {
  if (!(lo > 0) || !(hi > 0)) return { domain: [0.1, 1], ticks: [0.1, 1] };
  let from = Math.floor(Math.log10(lo));
  let to = Math.ceil(Math.log10(hi));
  if (from === to) {
    from -= 1;
    to += 0;
  }
  const decades = to - from;
  const ticks: number[] = [];
  for (let e = from; e <= to; e++) {
    const base = 10 ** e;
    ticks.push(Number(base.toPrecision(12)));
    if (decades < 3 && e < to) ticks.push(Number((2 * base).toPrecision(12)), Number((5 * base).toPrecision(12)));
  }
  // Trim ticks far outside the data, keeping one on either side.
  const first = Math.max(0, ticks.findIndex((t) => t > lo) - 1);
  let last = ticks.length - 1;
  while (last > first + 1 && ticks[last - 1] >= hi) last--;
  const kept = ticks.slice(first, last + 1);
  return { domain: [kept[0], kept[kept.length - 1]], ticks: kept };
}

/**
 * The smallest 1, 2 or 5 × 10ⁿ at or above `v` (v itself when not positive). A streaming chart's axis ends
 * there: it is a function of the data alone, and it moves only when the data crosses one of those steps, a few
 * times a decade, rather than with every batch.
 */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return v;
  const power = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * power >= v * (1 - 1e-12)) return m * power;
  return 10 * power;
}

/** Linear ticks in whole kB, MB or GB. */
export function byteTicks(lo: number, hi: number): AxisScale {
  const unit = 1024 ** Math.max(0, Math.min(3, Math.floor(Math.log(Math.max(Math.abs(hi), 1)) / Math.log(1024))));
  const inUnits = linearTicks(lo / unit, hi / unit, 5);
  return { domain: [inUnits.domain[0] * unit, inUnits.domain[1] * unit], ticks: inUnits.ticks.map((t) => t * unit), unit };
}

const BYTE_UNIT_NAMES = ['B', 'kB', 'MB', 'GB'];
const byteTickFormats = BYTE_UNIT_NAMES.map((name, power) => (v: number) => `${formatSig(v / 1024 ** power)} ${name}`);

/**
 * Tick labels of a byte axis, all in the unit its ticks step in: "0.2 MB … 1.2 MB", not "204.8 kB" next to
 * "1.2 MB" (which formatBytes, choosing a unit per value, would print). One function per unit.
 */
export function byteTickFormat(unit: number): (v: number) => string {
  return byteTickFormats[Math.round(Math.log(unit) / Math.log(1024))] ?? byteTickFormats[0];
}

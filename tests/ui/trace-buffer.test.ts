// Runs in Node. The bounded chart buffer: merges keep extremes, order, exact means and the latest x.
import { describe, expect, it } from 'vitest';
import { downsampleRows } from '../../src/ui/chart-data/downsample';
import { TRACE_COLUMNS, TraceBuffer } from '../../src/ui/chart-data/trace-buffer';

const LOSS = TraceBuffer.column('loss');
const DATA = TraceBuffer.column('dataMs');

function row(step: number, loss: number, extra: Partial<Record<(typeof TRACE_COLUMNS)[number], number>> = {}) {
  const values = TRACE_COLUMNS.map((c) => (c === 'loss' ? loss : (extra[c] ?? 1)));
  return { step, samples: step * 32, timeMs: step * 2, values };
}

describe('TraceBuffer', () => {
  it('keeps rows as given until full', () => {
    const buf = new TraceBuffer(8);
    for (let i = 1; i <= 5; i++) buf.append(row(i, 10 - i));
    expect(buf.count).toBe(5);
    expect(Array.from(buf.lo[LOSS].slice(0, 5))).toEqual([9, 8, 7, 6, 5]);
    expect(Array.from(buf.step.slice(0, 5))).toEqual([1, 2, 3, 4, 5]);
    expect(buf.last[LOSS]).toBe(5);
  });

  it('stays within capacity for a long run and keeps spikes, ends and the exact mean', () => {
    const buf = new TraceBuffer(256);
    const n = 100_000;
    let sum = 0;
    for (let i = 1; i <= n; i++) {
      const loss = i === 31_337 ? 500 : i === 77_001 ? -3 : 1 + (i % 7) / 100;
      sum += loss;
      buf.append(row(i, loss));
    }
    expect(buf.count).toBeLessThanOrEqual(256);
    expect(buf.batches).toBe(n);
    expect(buf.step[buf.count - 1]).toBe(n);
    expect(buf.samples[buf.count - 1]).toBe(n * 32);
    const lo = Array.from(buf.lo[LOSS].slice(0, buf.count));
    const hi = Array.from(buf.hi[LOSS].slice(0, buf.count));
    expect(Math.max(...hi)).toBe(500);
    expect(Math.min(...lo)).toBe(-3);
    expect(buf.mean('loss')).toBeCloseTo(sum / n, 9);
    const sums = Array.from(buf.sum[LOSS].slice(0, buf.count)).reduce((a, b) => a + b, 0);
    expect(sums).toBeCloseTo(sum, 6);
    // The display keeps both extremes too.
    const points = downsampleRows({ x: buf.step, lo: buf.lo[LOSS], hi: buf.hi[LOSS], loFirst: buf.loFirst[LOSS], count: buf.count }, 60);
    expect(points.length).toBeLessThanOrEqual(60);
    expect(Math.max(...points.map((p) => p.y))).toBe(500);
    expect(Math.min(...points.map((p) => p.y))).toBe(-3);
  });

  it('remembers whether the low or the high came first', () => {
    const buf = new TraceBuffer(4);
    // Rising then falling: after merging, row 0 = (1, 5) low first, row 1 = (2, 9) high first.
    for (const [i, loss] of [
      [1, 1],
      [2, 5],
      [3, 9],
      [4, 2],
    ])
      buf.append(row(i, loss));
    buf.append(row(5, 4));
    expect(buf.count).toBe(3);
    expect([buf.lo[LOSS][0], buf.hi[LOSS][0], buf.loFirst[LOSS][0]]).toEqual([1, 5, 1]);
    expect([buf.lo[LOSS][1], buf.hi[LOSS][1], buf.loFirst[LOSS][1]]).toEqual([2, 9, 0]);
    expect(buf.step[1]).toBe(4);
  });

  it('treats NaN as not measured: no value, no count, no mean', () => {
    const buf = new TraceBuffer(4);
    for (let i = 1; i <= 6; i++) buf.append(row(i, i % 2 ? NaN : i, { dataMs: NaN }));
    expect(buf.mean('dataMs')).toBeNaN();
    expect(buf.mean('loss')).toBe(4);
    for (let r = 0; r < buf.count; r++) expect(buf.n[DATA][r]).toBe(0);
    expect(Array.from(buf.n[LOSS].slice(0, buf.count)).reduce((a, b) => a + b, 0)).toBe(3);
  });
});

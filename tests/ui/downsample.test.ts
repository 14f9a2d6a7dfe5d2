// Runs in Node. Display downsampling of chart rows: caps, endpoints, extremes, order, NaN.
import { describe, expect, it } from 'vitest';
import { downsampleRows, type Point } from '../../src/ui/chart-data/downsample';

/** A plain series as rows (lo = hi). */
function plain(n: number, f: (i: number) => number) {
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = Float64Array.from({ length: n }, (_, i) => f(i));
  return { x, lo: y, hi: y, loFirst: null, count: n };
}

const minMax = (points: readonly Point[]) => [Math.min(...points.map((p) => p.y)), Math.max(...points.map((p) => p.y))];

describe('downsampleRows', () => {
  it('returns short series whole', () => {
    const out = downsampleRows(
      plain(10, (i) => i * i),
      1500,
    );
    expect(out).toEqual(Array.from({ length: 10 }, (_, i) => ({ x: i, y: i * i })));
  });

  it('caps the length and keeps endpoints, minimum and maximum', () => {
    // A noisy decaying curve with one spike and one dip in the middle.
    const f = (i: number) => (i === 43_210 ? 99 : i === 77_777 ? -5 : Math.exp(-i / 20_000) + Math.sin(i) * 0.01);
    const rows = plain(100_000, f);
    for (const cap of [1500, 1000, 7, 4]) {
      const out = downsampleRows(rows, cap);
      expect(out.length).toBeLessThanOrEqual(cap);
      expect(out[0]).toEqual({ x: 0, y: f(0) });
      expect(out[out.length - 1]).toEqual({ x: 99_999, y: f(99_999) });
      if (cap >= 7) {
        expect(minMax(out)).toEqual([-5, 99]);
        expect(out).toContainEqual({ x: 43_210, y: 99 });
        expect(out).toContainEqual({ x: 77_777, y: -5 });
      }
    }
  });

  it('keeps x order and picks only input points', () => {
    const f = (i: number) => Math.sin(i / 7) * (i % 13);
    const out = downsampleRows(plain(5000, f), 1500);
    expect(out.length).toBeGreaterThan(1000);
    for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThanOrEqual(out[i - 1].x);
    for (const p of out) expect(p.y).toBe(f(p.x));
  });

  it('skips NaN rows and never picks them as extremes', () => {
    const out = downsampleRows(
      plain(1000, (i) => (i % 2 ? NaN : i)),
      10,
    );
    expect(out.every((p) => !Number.isNaN(p.y))).toBe(true);
    expect(
      downsampleRows(
        plain(5, () => NaN),
        10,
      ),
    ).toEqual([]);
  });

  it('draws a merged row as its low and high, in the order they happened', () => {
    const rows = { x: [1, 2], lo: [1, 2], hi: [5, 7], loFirst: [1, 0], count: 2, xScale: 10 };
    expect(downsampleRows(rows, 100)).toEqual([
      { x: 10, y: 1 },
      { x: 10, y: 5 },
      { x: 20, y: 7 },
      { x: 20, y: 2 },
    ]);
  });
});

// Runs in Node. Order statistics, the warm-up rule, steady-state numbers and the log histogram.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as engineStats from '../../src/engine/stats';
import {
  WARMUP_MAX_BATCHES,
  WARMUP_MAX_FRACTION,
  WARMUP_MIN_SERIES,
  boxPlot,
  logHistogram,
  median,
  medianAbsoluteDeviation,
  quantile,
  steadyBatches,
  steadyStats,
  warmupBatches,
} from '../../src/shared/stats';
import { logNormalTimes } from './stats-samples';

const times = fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { maxLength: 300 });

describe('order statistics', () => {
  it('match the engine’s quantile and median (nearest rank, midpoint)', () => {
    fc.assert(
      fc.property(times, fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        expect(Object.is(quantile(values, q), engineStats.quantile(values, q))).toBe(true);
        expect(Object.is(median(values), engineStats.median(values))).toBe(true);
      }),
    );
  });

  it('give the median absolute deviation', () => {
    // median 3, deviations 2 1 0 1 97 → their median is 1
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    expect(medianAbsoluteDeviation([])).toBeNaN();
  });
});

/** A steady series of n batches around 10 ms with a planted slow prefix. */
function withSlowPrefix(prefix: readonly number[], n: number, seed: number): number[] {
  return [...prefix, ...logNormalTimes(n - prefix.length, 10, 0.05, seed)];
}

describe('warmupBatches', () => {
  it('drops nothing from a series too short to spare a batch', () => {
    expect(WARMUP_MIN_SERIES).toBe(3);
    expect(warmupBatches([])).toBe(0);
    expect(warmupBatches([5])).toBe(0);
    expect(warmupBatches([500, 5])).toBe(0);
  });

  it('drops only the first batch of a flat series, noisy or not', () => {
    expect(warmupBatches(new Array(100).fill(7))).toBe(1);
    for (let seed = 1; seed <= 20; seed++) expect(warmupBatches(logNormalTimes(400, 10, 0.1, seed))).toBe(1);
  });

  it('finds a planted slow prefix', () => {
    const prefix = [300, 80, 40, 25, 18, 15];
    for (let seed = 1; seed <= 10; seed++) expect(warmupBatches(withSlowPrefix(prefix, 200, seed))).toBe(prefix.length);
  });

  it('ends the warm-up at the first batch that is not clearly slower', () => {
    const series = withSlowPrefix([300, 80, 10, 80, 80], 200, 3);
    expect(warmupBatches(series)).toBe(2);
    // 11 ms is 10 % above the steady 10 ms: ordinary, not warm-up
    expect(warmupBatches(withSlowPrefix([300, 11, 80], 200, 3))).toBe(1);
  });

  it('is capped at a tenth of the batches and at the absolute maximum', () => {
    expect(warmupBatches(withSlowPrefix(new Array(30).fill(50), 100, 4))).toBe(100 * WARMUP_MAX_FRACTION);
    expect(warmupBatches(withSlowPrefix(new Array(200).fill(50), 5000, 4))).toBe(WARMUP_MAX_BATCHES);
    // A short series keeps all but the first batch even when more look slow
    expect(warmupBatches([90, 80, 10, 10, 10])).toBe(1);
  });

  it('stays within its bounds for any series', () => {
    fc.assert(
      fc.property(times, (values) => {
        const w = warmupBatches(values);
        if (values.length < WARMUP_MIN_SERIES) {
          expect(w).toBe(0);
          return;
        }
        const cap = Math.max(1, Math.min(WARMUP_MAX_BATCHES, Math.floor(values.length * WARMUP_MAX_FRACTION)));
        expect(w).toBeGreaterThanOrEqual(1);
        expect(w).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it('names a bad entry instead of computing with it', () => {
    expect(() => warmupBatches([1, 2, NaN, 4])).toThrow(/entry 2 is NaN/);
    expect(() => warmupBatches([1, -2, 3])).toThrow(RangeError);
  });
});

describe('steadyStats', () => {
  it('describes the batches after the warm-up', () => {
    // n = 5 caps the warm-up at the first batch; the rest are 1 2 3 4
    expect(steadyStats([100, 1, 2, 3, 4])).toEqual({ warmup: 1, n: 4, median: 2.5, p5: 1, p50: 2.5, p95: 4, mean: 2.5, min: 1, max: 4 });
    expect(steadyBatches([100, 1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
  });

  it('gives NaN numbers, not a crash, for no batches', () => {
    const stats = steadyStats([]);
    expect(stats.n).toBe(0);
    expect(stats.warmup).toBe(0);
    for (const key of ['median', 'p5', 'p50', 'p95', 'mean', 'min', 'max'] as const) expect(stats[key]).toBeNaN();
  });

  it('orders its numbers and accounts for every batch', () => {
    fc.assert(
      fc.property(
        times.filter((v) => v.length >= 3),
        (values) => {
          const s = steadyStats(values);
          expect(s.n + s.warmup).toBe(values.length);
          expect(s.min).toBeLessThanOrEqual(s.p5);
          expect(s.p5).toBeLessThanOrEqual(s.median);
          expect(s.median).toBeLessThanOrEqual(s.p95);
          expect(s.p95).toBeLessThanOrEqual(s.max);
          expect(s.mean).toBeGreaterThanOrEqual(s.min * (1 - 1e-12));
          expect(s.mean).toBeLessThanOrEqual(s.max * (1 + 1e-12));
        },
      ),
    );
  });
});

describe('boxPlot', () => {
  it('gives nearest-rank percentiles and the midpoint median', () => {
    const oneToTwenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(boxPlot(oneToTwenty)).toEqual({ p5: 1, p25: 5, p50: 10.5, p75: 15, p95: 19 });
  });

  it('is ordered for any list', () => {
    fc.assert(
      fc.property(
        times.filter((v) => v.length > 0),
        (values) => {
          const b = boxPlot(values);
          expect([b.p5, b.p25, b.p50, b.p75, b.p95]).toEqual([b.p5, b.p25, b.p50, b.p75, b.p95].sort((x, y) => x - y));
        },
      ),
    );
  });
});

describe('logHistogram', () => {
  it('spaces its edges evenly on a log scale from min to max and counts every value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        (values, bins) => {
          const { edges, counts, excluded } = logHistogram(values, bins);
          expect(excluded).toBe(0);
          expect(edges).toHaveLength(bins + 1);
          expect(counts).toHaveLength(bins);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(values.length);
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          if (lo === hi) return;
          expect(edges[0]).toBe(lo);
          expect(edges[bins]).toBe(hi);
          const step = Math.log(hi / lo) / bins;
          for (let i = 1; i <= bins; i++) expect(Math.log(edges[i] / edges[i - 1])).toBeCloseTo(step, 9);
        },
      ),
    );
  });

  it('puts values in their bins, the maximum in the last', () => {
    expect(logHistogram([1, 5, 100], 2)).toEqual({
      edges: [1, 10, 100].map((e, i) => (i === 1 ? expect.closeTo(e, 12) : e)),
      counts: [2, 1],
      excluded: 0,
    });
  });

  it('leaves out what a log axis cannot show and says how many', () => {
    const h = logHistogram([0, -1, NaN, 3], 4);
    expect(h.excluded).toBe(3);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(logHistogram([], 3)).toEqual({ edges: [], counts: [], excluded: 0 });
  });

  it('gives equal values a middle bin of some width', () => {
    const h = logHistogram([5, 5, 5], 3);
    expect(h.counts).toEqual([0, 3, 0]);
    expect(h.edges[0]).toBeLessThan(5);
    expect(h.edges[3]).toBeGreaterThan(5);
  });

  it('refuses a bin count that is not a positive integer', () => {
    expect(() => logHistogram([1, 2], 0)).toThrow(/bins must be an integer/);
    expect(() => logHistogram([1, 2], 2.5)).toThrow(RangeError);
  });
});

// Runs in Node. Bootstrap and repeat intervals: they contain their estimate, narrow with more data, repeat
// exactly for a seed, cover the truth about as often as they claim, and run fast enough for 10,000 batches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_BOOTSTRAP_BATCHES,
  bootstrapMedian,
  bootstrapMedianRatio,
  logTInterval,
  median,
  modeInterval,
  ratioInterval,
  steadyBatches,
  tQuantile,
  verdict,
  type Interval,
} from '../../src/shared/stats';
import { logNormalTimes, repeatsOf } from './stats-samples';

const width = (i: { low: number; high: number }) => i.high - i.low;
const logWidth = (i: { low: number; high: number }) => Math.log(i.high / i.low);
const contains = (i: { low: number; high: number }, x: number) => i.low <= x && x <= i.high;

describe('bootstrapMedian', () => {
  it('contains the median of any series long enough', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: MIN_BOOTSTRAP_BATCHES, maxLength: 300 }),
        fc.integer(),
        (values, seed) => {
          const ci = bootstrapMedian(values, { seed, resamples: 200 });
          expect(ci.estimate).toBe(median(values));
          expect(ci.low).toBeLessThanOrEqual(ci.estimate);
          expect(ci.high).toBeGreaterThanOrEqual(ci.estimate);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is the same for the same seed and moves with another', () => {
    const values = logNormalTimes(500, 10, 0.2, 7);
    expect(bootstrapMedian(values, { seed: 3 })).toEqual(bootstrapMedian(values, { seed: 3 }));
    expect(bootstrapMedian(values, { seed: 3 })).not.toEqual(bootstrapMedian(values, { seed: 4 }));
  });

  it('is wider for fewer batches and at a higher level', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const few = bootstrapMedian(logNormalTimes(50, 10, 0.2, seed));
      const many = bootstrapMedian(logNormalTimes(2000, 10, 0.2, seed));
      expect(width(few)).toBeGreaterThan(2 * width(many));
    }
    const values = logNormalTimes(300, 10, 0.2, 9);
    expect(width(bootstrapMedian(values, { level: 0.99 }))).toBeGreaterThan(width(bootstrapMedian(values, { level: 0.8 })));
  });

  it('sees dependence between neighbouring batches: a drifting series gets a wider interval than the same batches shuffled', () => {
    const drifting = logNormalTimes(1000, 10, 0.05, 2).map((v, i) => v * (1 + 0.5 * Math.sin(i / 40)));
    const shuffled = drifting
      .map((v, i) => [((i * 7919) % 1000) as number, v] as const)
      .sort((x, y) => x[0] - y[0])
      .map(([, v]) => v);
    expect(width(bootstrapMedian(drifting))).toBeGreaterThan(2 * width(bootstrapMedian(shuffled)));
  });

  it('gives no bounds below the minimum batch count, and a point for constant batches', () => {
    const short = bootstrapMedian([3, 1, 2]);
    expect(short.estimate).toBe(2);
    expect(short.low).toBeNaN();
    expect(short.high).toBeNaN();
    expect(bootstrapMedian(new Array(40).fill(4))).toMatchObject({ estimate: 4, low: 4, high: 4 });
    expect(bootstrapMedian([]).estimate).toBeNaN();
  });

  it('refuses bad options and bad times with a message', () => {
    expect(() => bootstrapMedian([1, 2, 3], { level: 95 })).toThrow(/confidence level/);
    expect(() => bootstrapMedian([1, 2, 3], { resamples: 1.5 })).toThrow(/resamples/);
    expect(() => bootstrapMedian([1, Infinity])).toThrow(/entry 1 is Infinity/);
  });

  it('takes well under 50 ms for 10,000 batches', () => {
    const values = logNormalTimes(10_000, 10, 0.2, 1);
    // CPU time of this process, fastest of five: on a shared machine, wall time also counts others' turns.
    const runs = Array.from({ length: 5 }, () => {
      const before = process.cpuUsage();
      bootstrapMedian(values);
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000;
    });
    expect(Math.min(...runs)).toBeLessThan(30);
  });
});

describe('bootstrapMedianRatio', () => {
  it('estimates the ratio of medians and contains it', () => {
    const a = logNormalTimes(300, 15, 0.2, 1);
    const b = logNormalTimes(200, 10, 0.2, 2);
    const ci = bootstrapMedianRatio(a, b);
    expect(ci.estimate).toBe(median(a) / median(b));
    expect(contains(ci, ci.estimate)).toBe(true);
    expect(contains(ci, 1.5)).toBe(true);
  });

  it('gives no interval when the denominator’s median is 0', () => {
    const ci = bootstrapMedianRatio(new Array(20).fill(1), new Array(20).fill(0));
    expect(ci.low).toBeNaN();
    expect(verdict(ci, { a: 'x', b: 'y' }).kind).toBe('inconclusive');
  });
});

describe('logTInterval', () => {
  it('is the t interval of the logs around the geometric mean', () => {
    // logs ln 2 and ln 8: mean ln 4, standard deviation ln 4 / √2, so the half width is t(0.975, 1) × ln 4 / 2
    const ci = logTInterval([2, 8], 0.95);
    const half = (tQuantile(0.975, 1) * Math.log(4)) / 2;
    expect(ci.estimate).toBeCloseTo(4, 12);
    expect(ci.low / (4 * Math.exp(-half))).toBeCloseTo(1, 12);
    expect(ci.high / (4 * Math.exp(half))).toBeCloseTo(1, 12);
  });

  it('gives no bounds for one value or a value that is not positive', () => {
    expect(logTInterval([5], 0.95)).toMatchObject({ estimate: 5, low: NaN, high: NaN });
    expect(logTInterval([5, 0], 0.95).low).toBeNaN();
  });
});

describe('modeInterval', () => {
  it('bootstraps one repeat’s steady batches', () => {
    const run = [90, ...logNormalTimes(300, 10, 0.1, 1)];
    const ci = modeInterval([run]);
    expect(ci.basis).toBe('batches');
    expect(ci.n).toBe(steadyBatches(run).length);
    expect(ci.estimate).toBe(median(steadyBatches(run)));
  });

  it('uses the per-repeat medians from two repeats on, skipping empty repeats', () => {
    const constant = (ms: number) => [50, ...new Array(30).fill(ms)];
    const ci = modeInterval([constant(2), [], constant(8)]);
    expect(ci.basis).toBe('repeats');
    expect(ci.n).toBe(2);
    expect(ci).toMatchObject(logTInterval([2, 8], 0.95));
  });

  it('is wider with fewer repeats', () => {
    for (let seed = 1; seed <= 5; seed++) {
      expect(logWidth(modeInterval(repeatsOf(3, 100, 10, 0.1, 0.05, seed)))).toBeGreaterThan(
        logWidth(modeInterval(repeatsOf(20, 100, 10, 0.1, 0.05, seed))),
      );
    }
  });

  it('covers the true median about 95 % of the time across repeats', () => {
    // Each repeat's median is 10 ms × its own drift factor, so the geometric mean over repeats estimates 10 ms.
    const trials = 300;
    let covered = 0;
    for (let t = 0; t < trials; t++) if (contains(modeInterval(repeatsOf(5, 41, 10, 0.01, 0.05, 1000 + t)), 10)) covered++;
    expect(covered / trials).toBeGreaterThan(0.9);
    expect(covered / trials).toBeLessThan(0.99);
  });

  it('explains input that is not a list of repeats', () => {
    expect(() => modeInterval([1, 2, 3] as unknown as number[][])).toThrow(/list of repeats/);
    expect(() =>
      modeInterval([
        [1, 2],
        [1, NaN],
      ]),
    ).toThrow(/repeat 1/);
  });
});

describe('ratioInterval', () => {
  it('pairs repeats, so a drift shared by both modes cancels', () => {
    const drift = [1, 1.6, 0.7, 1.3];
    const a = drift.map((d) => new Array(20).fill(12 * d));
    const b = drift.map((d) => new Array(20).fill(10 * d));
    const ci = ratioInterval(a, b);
    expect(ci).toMatchObject({ basis: 'repeats', n: 4 });
    expect(ci.estimate).toBeCloseTo(1.2, 12);
    expect(ci.low).toBeCloseTo(1.2, 9);
    expect(ci.high).toBeCloseTo(1.2, 9);
    // the modes on their own are far less certain
    expect(logWidth(modeInterval(a))).toBeGreaterThan(0.5);
  });

  it('uses only the repeats both modes finished, and the batches when one is left', () => {
    const a = repeatsOf(3, 60, 12, 0.1, 0.02, 1);
    const b = repeatsOf(2, 60, 10, 0.1, 0.02, 2);
    expect(ratioInterval(a, b)).toMatchObject({ basis: 'repeats', n: 2 });
    const single = ratioInterval(a, b.slice(0, 1));
    expect(single.basis).toBe('batches');
    expect(single.n).toBe(Math.min(steadyBatches(a[0]).length, steadyBatches(b[0]).length));
    expect(single.estimate).toBe(median(steadyBatches(a[0])) / median(steadyBatches(b[0])));
  });

  it('gives NaN bounds, not a crash, when nothing was measured', () => {
    expect(ratioInterval([], [])).toMatchObject({ estimate: NaN, low: NaN, high: NaN, n: 0 });
  });
});

describe('verdicts from measured intervals', () => {
  const names = { a: 'fit', b: 'loop' };
  const kinds = (intervals: Interval[]) => intervals.map((i) => verdict(i, names).kind);

  it('almost never call two samples of one distribution different, and their interval usually contains 1', () => {
    const trials = 200;
    const fromBatches = Array.from({ length: trials }, (_, t) =>
      ratioInterval([logNormalTimes(200, 10, 0.2, 2 * t + 1)], [logNormalTimes(200, 10, 0.2, 2 * t + 2)], { resamples: 400 }),
    );
    const fromRepeats = Array.from({ length: trials }, (_, t) =>
      ratioInterval(repeatsOf(4, 40, 10, 0.2, 0.03, 3 * t + 1), repeatsOf(4, 40, 10, 0.2, 0.03, 3 * t + 2)),
    );
    for (const intervals of [fromBatches, fromRepeats]) {
      expect(kinds(intervals).filter((k) => k === 'different').length / trials).toBeLessThanOrEqual(0.05);
      expect(intervals.filter((i) => contains(i, 1)).length / trials).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('call a 1.5× shift different and name the slower mode first', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const slow = [logNormalTimes(300, 15, 0.2, seed)];
      const fast = [logNormalTimes(300, 10, 0.2, seed + 100)];
      const aSlower = verdict(ratioInterval(slow, fast), names);
      expect(aSlower.kind).toBe('different');
      expect(aSlower.text).toMatch(/^fit takes 1\.\d\d× as long as loop \(95 % CI 1\.\d\d–1\.\d\d\)$/);
      const bSlower = verdict(ratioInterval(fast, slow), names);
      expect(bSlower.kind).toBe('different');
      expect(bSlower.text).toMatch(/^loop takes 1\.\d\d× as long as fit/);
      const repeated = verdict(ratioInterval(repeatsOf(4, 60, 15, 0.2, 0.03, seed), repeatsOf(4, 60, 10, 0.2, 0.03, seed + 50)), names);
      expect(repeated.kind).toBe('different');
      expect(repeated.text).toMatch(/^fit takes 1\.\d\d× as long as loop/);
    }
  });
});

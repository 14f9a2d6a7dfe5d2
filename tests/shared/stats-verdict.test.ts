// Runs in Node. Verdict words with the equivalence margin, number wording, and the noise meter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EQUIVALENCE_MARGIN, formatFactor, formatPercent, noiseLevel, noiseWarning, verdict } from '../../src/shared/stats';

const names = { a: 'fit', b: 'loop' };
const ratio = (estimate: number, low: number, high: number, level = 0.95) => ({ estimate, low, high, level });

describe('verdict', () => {
  it('calls an interval wholly above the margin different, slower mode first', () => {
    expect(verdict(ratio(1.42, 1.38, 1.47), names)).toEqual({
      kind: 'different',
      text: 'fit takes 1.42× as long as loop (95 % CI 1.38–1.47)',
    });
  });

  it('turns an interval below 1 around so the factor reads ≥ 1', () => {
    // 1 / 0.81 = 1.235, 1 / 0.84 = 1.190, 1 / 0.78 = 1.282
    expect(verdict(ratio(0.81, 0.78, 0.84), names)).toEqual({
      kind: 'different',
      text: 'loop takes 1.23× as long as fit (95 % CI 1.19–1.28)',
    });
  });

  it('calls an interval wholly inside the margin equivalent', () => {
    expect(EQUIVALENCE_MARGIN).toBe(0.03);
    expect(verdict(ratio(1, 0.99, 1.02), names)).toEqual({ kind: 'equivalent', text: 'no measurable difference (within ±3 %)' });
    // the margin is symmetric on the log scale: 1/1.03 … 1.03 is inside
    expect(verdict(ratio(1, 1 / 1.03, 1.03), names).kind).toBe('equivalent');
    expect(verdict(ratio(1.04, 1.035, 1.045), names, 0.05).text).toBe('no measurable difference (within ±5 %)');
  });

  it('calls anything else inconclusive, even an interval that excludes 1 but reaches into the margin', () => {
    expect(verdict(ratio(1.03, 1.01, 1.05), names)).toEqual({ kind: 'inconclusive', text: 'inconclusive: add repeats' });
    expect(verdict(ratio(1, 0.9, 1.1), names).kind).toBe('inconclusive');
    expect(verdict(ratio(1.2, NaN, NaN), names)).toEqual({ kind: 'inconclusive', text: 'inconclusive: not enough data' });
  });

  it('says the same thing when the two modes swap places', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (estimate, below, above) => {
          const forward = verdict(ratio(estimate, estimate * (1 - below), estimate * (1 + above)), names);
          const backward = verdict(ratio(1 / estimate, 1 / (estimate * (1 + above)), 1 / (estimate * (1 - below))), {
            a: 'loop',
            b: 'fit',
          });
          expect(backward.kind).toBe(forward.kind);
          if (forward.kind === 'different') expect(backward.text).toBe(forward.text);
        },
      ),
    );
  });

  it('refuses a margin that is not a fraction ≥ 0', () => {
    expect(() => verdict(ratio(1, 0.9, 1.1), names, -0.1)).toThrow(/margin/);
  });
});

describe('number wording', () => {
  it('keeps factors to about three significant digits', () => {
    expect(formatFactor(1.4249)).toBe('1.42');
    expect(formatFactor(12.34)).toBe('12.3');
    expect(formatFactor(143.4)).toBe('143');
    expect(formatFactor(Infinity)).toBe('∞');
  });

  it('writes percentages with a space before the sign', () => {
    expect(formatPercent(0.95)).toBe('95 %');
    expect(formatPercent(0.025)).toBe('2.5 %');
    expect(formatPercent(0.1234, 2)).toBe('12 %');
  });
});

describe('noiseLevel', () => {
  const flat = (ms: number, n = 30) => new Array(n).fill(ms);

  it('measures the spread between repeats from two on', () => {
    expect(noiseLevel([flat(10), flat(12), flat(11)])).toEqual({ value: expect.closeTo(0.2, 12), basis: 'repeats' });
  });

  it('measures one run by its 95th percentile over its median', () => {
    // steady batches 1…200 after the first: nearest-rank p95 is 190, the median 100.5
    const run = [5, ...Array.from({ length: 200 }, (_, i) => i + 1)];
    expect(noiseLevel([run])).toEqual({ value: expect.closeTo(190 / 100.5 - 1, 12), basis: 'batches' });
    expect(noiseLevel([flat(7)]).value).toBe(0);
  });

  it('gives NaN, not a crash, when nothing was measured', () => {
    expect(noiseLevel([]).value).toBeNaN();
    expect(noiseLevel([[], []]).value).toBeNaN();
  });
});

describe('noiseWarning', () => {
  it('speaks up only when the noise is larger than the differences judged', () => {
    const warning = noiseWarning({ value: 0.12, basis: 'repeats' }, 0.03);
    expect(warning).toMatch(/12 % between repeats/);
    expect(warning).toMatch(/3 % differences/);
    expect(noiseWarning({ value: 0.4, basis: 'batches' }, 0.03)).toMatch(/^Batch times spread by 40 %/);
    expect(noiseWarning({ value: 0.01, basis: 'repeats' }, 0.03)).toBeNull();
    expect(noiseWarning({ value: NaN, basis: 'batches' }, 0.03)).toBeNull();
  });

  it('refuses a difference that is not a fraction ≥ 0', () => {
    expect(() => noiseWarning({ value: 0.1, basis: 'repeats' }, -1)).toThrow(RangeError);
  });
});

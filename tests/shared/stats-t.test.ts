// Runs in Node. Student t and normal quantiles against published table values and closed forms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile, tQuantile } from '../../src/shared/stats';

describe('tQuantile', () => {
  it('matches the printed t table to 1e-3', () => {
    const table: [p: number, df: number, t: number][] = [
      [0.975, 1, 12.706],
      [0.975, 2, 4.303],
      [0.975, 4, 2.776],
      [0.975, 19, 2.093],
      [0.975, 30, 2.042],
      [0.975, 100, 1.984],
      [0.975, Infinity, 1.96],
      [0.995, 1, 63.657],
      [0.995, 5, 4.032],
      [0.95, 10, 1.812],
      [0.9, 3, 1.638],
    ];
    for (const [p, df, t] of table) expect(Math.abs(tQuantile(p, df) - t), `t(${p}, ${df})`).toBeLessThan(1e-3);
  });

  it('agrees with the closed forms for 1 and 2 degrees of freedom', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }), (p) => {
        const cauchy = Math.tan(Math.PI * (p - 0.5));
        const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        expect(tQuantile(p, 1)).toBeCloseTo(cauchy, 6);
        expect(tQuantile(p, 2)).toBeCloseTo(two, 6);
      }),
    );
  });

  it('is antisymmetric, and shrinks towards the normal quantile as df grows', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.51, max: 0.9999, noNaN: true }), fc.double({ min: 0.5, max: 5000, noNaN: true }), (p, df) => {
        expect(tQuantile(1 - p, df)).toBeCloseTo(-tQuantile(p, df), 9);
        expect(tQuantile(p, df)).toBeGreaterThan(tQuantile(p, df * 1.5));
        expect(tQuantile(p, df)).toBeGreaterThan(normalQuantile(p));
      }),
    );
  });

  it('is continuous where the large-df series takes over', () => {
    for (const p of [0.9, 0.975, 0.9995]) expect(tQuantile(p, 1000)).toBeCloseTo(tQuantile(p, 1000.001), 7);
  });

  it('refuses probabilities and degrees of freedom it cannot use', () => {
    expect(() => tQuantile(1, 5)).toThrow(/probability/);
    expect(() => tQuantile(0.5, 0)).toThrow(/degrees of freedom/);
    expect(() => tQuantile(NaN, 3)).toThrow(RangeError);
  });
});

describe('normalQuantile', () => {
  it('inverts the normal distribution', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 8); // Φ(1)
    expect(normalQuantile(0.02275013194817921)).toBeCloseTo(-2, 8); // Φ(−2)
  });
});

// Runs in Node. TensorBoard's debiased exponential moving average.
import { describe, expect, it } from 'vitest';
import { smoothDebiased } from '../../src/ui/chart-data/smoothing';

describe('smoothDebiased', () => {
  it('matches the debiased EMA by hand', () => {
    const w = 0.6;
    const out = Array.from(smoothDebiased([1, 2, 3], 3, w));
    const e1 = (1 - w) * 1;
    const e2 = w * e1 + (1 - w) * 2;
    const e3 = w * e2 + (1 - w) * 3;
    expect(out[0]).toBeCloseTo(1, 12); // debiasing makes the first point exact
    expect(out[1]).toBeCloseTo(e2 / (1 - w ** 2), 12);
    expect(out[2]).toBeCloseTo(e3 / (1 - w ** 3), 12);
  });

  it('is the identity at weight 0 and for a constant series', () => {
    expect(Array.from(smoothDebiased([3, 1, 2], 3, 0))).toEqual([3, 1, 2]);
    expect(Array.from(smoothDebiased([0.1, 0.1, 0.1, 0.1], 4, 0.95))).toEqual([0.1, 0.1, 0.1, 0.1]);
  });

  it('keeps NaN where a value is missing, without moving the average', () => {
    const out = Array.from(smoothDebiased([2, NaN, 2, 4], 4, 0.5));
    expect(out[1]).toBeNaN();
    expect(out[0]).toBe(2);
    expect(out[2]).toBeCloseTo(2, 12);
    expect(out[3]).toBeGreaterThan(2);
    expect(out[3]).toBeLessThan(4);
  });

  it('never reaches weight 1 (a frozen line)', () => {
    const out = smoothDebiased([1, 5], 2, 1);
    expect(out[1]).toBeGreaterThan(1);
  });
});

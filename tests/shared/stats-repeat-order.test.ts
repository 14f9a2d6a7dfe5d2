// Runs in Node. The ABBA run order: every repeat runs every mode once, and no mode keeps a position.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatOrder } from '../../src/shared/stats';

const modeLists = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 8 });

describe('repeatOrder', () => {
  it('gives the ABBA pattern for two and the rotations for three modes', () => {
    expect(repeatOrder(['A', 'B'], 4)).toEqual([
      ['A', 'B'],
      ['B', 'A'],
      ['B', 'A'],
      ['A', 'B'],
    ]);
    expect(repeatOrder(['A', 'B', 'C'], 6).map((r) => r.join(''))).toEqual(['ABC', 'CBA', 'BCA', 'ACB', 'CAB', 'BAC']);
  });

  it('runs every mode once in every repeat', () => {
    fc.assert(
      fc.property(modeLists, fc.integer({ min: 0, max: 40 }), (modes, repeats) => {
        const order = repeatOrder(modes, repeats);
        expect(order).toHaveLength(repeats);
        for (const repeat of order) expect([...repeat].sort()).toEqual([...modes].sort());
      }),
    );
  });

  it('puts no mode first in every repeat nor last in every repeat', () => {
    fc.assert(
      fc.property(modeLists, fc.integer({ min: 2, max: 40 }), (modes, repeats) => {
        const order = repeatOrder(modes, repeats);
        expect(new Set(order.map((r) => r[0])).size).toBeGreaterThan(1);
        expect(new Set(order.map((r) => r[r.length - 1])).size).toBeGreaterThan(1);
      }),
    );
  });

  it('balances positions over every 2 × modes repeats', () => {
    fc.assert(
      fc.property(modeLists, fc.integer({ min: 1, max: 3 }), (modes, k) => {
        const order = repeatOrder(modes, 2 * k * modes.length);
        for (const mode of modes) {
          const positions = new Array(modes.length).fill(0);
          for (const repeat of order) positions[repeat.indexOf(mode)]++;
          expect(positions).toEqual(new Array(modes.length).fill(2 * k));
        }
      }),
    );
  });

  it('handles no modes and no repeats, and refuses a repeat count that is not a whole number', () => {
    expect(repeatOrder([], 3)).toEqual([[], [], []]);
    expect(repeatOrder(['A'], 0)).toEqual([]);
    expect(() => repeatOrder(['A'], 2.5)).toThrow(/repeats must be an integer/);
    expect(() => repeatOrder(['A'], -1)).toThrow(RangeError);
  });
});

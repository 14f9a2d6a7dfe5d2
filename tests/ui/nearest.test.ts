// Runs in Node. The hover readout's lookup of a trace's value at an x.
import { describe, expect, it } from 'vitest';
import { nearestAt } from '../../src/ui/chart-data/nearest';

const pts = [
  { x: 0, y: 1 },
  { x: 10, y: 2 },
  { x: 10, y: 8 },
  { x: 20, y: 3 },
];

describe('nearestAt', () => {
  it('finds the nearest x and every value there', () => {
    expect(nearestAt(pts, 11)).toEqual({ x: 10, values: [2, 8] });
    expect(nearestAt(pts, 16)).toEqual({ x: 20, values: [3] });
    expect(nearestAt(pts, 0)).toEqual({ x: 0, values: [1] });
    expect(nearestAt(pts, 5)).toEqual({ x: 0, values: [1] });
  });

  it('says nothing off the trace or for nothing', () => {
    expect(nearestAt(pts, 25)).toBeNull();
    expect(nearestAt(pts, 21, 2)).toEqual({ x: 20, values: [3] });
    expect(nearestAt([], 1)).toBeNull();
    expect(nearestAt(pts, NaN)).toBeNull();
  });
});

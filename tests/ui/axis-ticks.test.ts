// Runs in Node. Domains and ticks the charts hand recharts.
import { describe, expect, it } from 'vitest';
import { byteTickFormat, byteTicks, extent, linearTicks, logTicks, niceCeil } from '../../src/ui/chart-data/axis-ticks';

describe('axis ticks', () => {
  it('finds the extent of lines and marks, positive only for a log axis', () => {
    const lines = [
      [
        { x: 0, y: -1 },
        { x: 5, y: 3 },
      ],
      [{ x: 2, y: NaN }],
    ];
    expect(extent(lines, 'x')).toEqual([0, 5]);
    expect(extent(lines, 'y', [10])).toEqual([-1, 10]);
    expect(extent(lines, 'y', [], true)).toEqual([3, 3]);
    expect(extent([], 'y')).toBeNull();
  });

  it('snaps linear domains to 1-2-5 steps', () => {
    expect(linearTicks(0, 256, 5, true)).toEqual({ domain: [0, 300], ticks: [0, 50, 100, 150, 200, 250, 300] });
    expect(linearTicks(0.07, 1.93, 5).ticks).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(linearTicks(0.1, 0.3, 2).ticks).toEqual([0.1, 0.2, 0.3]);
    expect(linearTicks(0, 7, 5, true).ticks).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const flat = linearTicks(5, 5).domain;
    expect(flat[0]).toBeLessThan(5);
    expect(flat[1]).toBeGreaterThan(5);
  });

  it('gives powers of ten on a log axis, with 2 and 5 when the range is short', () => {
    expect(logTicks(0.003, 2).ticks).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(logTicks(0.3, 2).ticks).toEqual([0.2, 0.5, 1, 2]);
    expect(logTicks(1e-5, 50).ticks).toEqual([1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100]);
    expect(logTicks(0, 1).domain).toEqual([0.1, 1]);
  });
});

describe('niceCeil (where a streaming axis ends)', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.01, 2, 2.5, 5.1, 9.99, 120, 0.0031].map(niceCeil)).toEqual([1, 1, 2, 2, 5, 10, 10, 200, 0.005]);
    expect(niceCeil(0)).toBe(0);
    expect(niceCeil(-3)).toBe(-3);
  });

  it('moves a few times a decade while the data grows batch by batch', () => {
    const tops = new Set<number>();
    for (let v = 100; v <= 1000; v += 1) tops.add(niceCeil(v * 1.15));
    expect([...tops]).toEqual([200, 500, 1000, 2000]);
  });
});

describe('byte axes', () => {
  it('step in one unit and label every tick in it, with round numbers', () => {
    const MiB = 1024 * 1024;
    const scale = byteTicks(0, 1.15 * MiB);
    expect(scale.unit).toBe(MiB);
    const labels = scale.ticks.map(byteTickFormat(scale.unit!));
    expect(labels).toEqual(['0 MB', '0.2 MB', '0.4 MB', '0.6 MB', '0.8 MB', '1 MB', '1.2 MB']);
    const small = byteTicks(0, 900);
    expect(small.ticks.map(byteTickFormat(small.unit!)).at(-1)).toBe('1,000 B');
  });
});

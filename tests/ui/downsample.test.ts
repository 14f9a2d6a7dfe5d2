// Runs in Node. The chart's downsampling and the bounded series store: endpoints, extremes and caps.
import { describe, expect, it } from 'vitest';
import type { BatchMetric } from '../../src/shared/metrics';
import { downsampleMinMax, type Point } from '../../src/ui/chart-data/downsample';
import { SeriesStore } from '../../src/ui/chart-data/series-store';

function series(n: number, f: (i: number) => number): Point[] {
  return Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));
}

function minMax(points: readonly Point[]): [number, number] {
  return [Math.min(...points.map((p) => p.y)), Math.max(...points.map((p) => p.y))];
}

describe('downsampleMinMax', () => {
  it('returns short series unchanged (as a copy)', () => {
    const input = series(10, (i) => i * i);
    const out = downsampleMinMax(input, 1500);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });

  it('caps the length and keeps endpoints, minimum and maximum', () => {
    // A noisy decaying curve with one spike and one dip in the middle.
    const input = series(100_000, (i) => (i === 43_210 ? 99 : i === 77_777 ? -5 : Math.exp(-i / 20_000) + Math.sin(i) * 0.01));
    for (const cap of [1500, 1000, 7, 4, 3, 2]) {
      const out = downsampleMinMax(input, cap);
      expect(out.length).toBeLessThanOrEqual(cap);
      expect(out[0]).toBe(input[0]);
      expect(out[out.length - 1]).toBe(input[input.length - 1]);
      if (cap >= 4) {
        expect(minMax(out)).toEqual(minMax(input));
        expect(out).toContain(input[43_210]);
        expect(out).toContain(input[77_777]);
      }
    }
  });

  it('keeps x order and picks only input points', () => {
    const input = series(5000, (i) => Math.sin(i / 7) * (i % 13));
    const out = downsampleMinMax(input, 1500);
    expect(out.length).toBeGreaterThan(1000);
    for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThan(out[i - 1].x);
    for (const p of out) expect(p).toBe(input[p.x]);
  });

  it('treats NaN as never the extreme', () => {
    const input = series(1000, (i) => (i % 2 ? NaN : i));
    const out = downsampleMinMax(input, 10);
    expect(out.slice(1, -1).every((p) => !Number.isNaN(p.y))).toBe(true);
  });
});

function metric(mode: BatchMetric['mode'], loss: number, numBytes: number): BatchMetric {
  return { mode, epoch: 0, batch: 0, loss, meanLoss: loss / 2, ms: 1, dataMs: NaN, samplesSeen: 1, numTensors: 1, numBytes, gpuBytesInUse: null, gpuBytesAllocated: null } as BatchMetric;
}

describe('SeriesStore', () => {
  it('numbers batches per mode and orders modes as the table does', () => {
    const store = new SeriesStore();
    store.append([metric('loop', 3, 10), metric('fit', 2, 20), metric('loop', 1, 30)]);
    const view = store.view();
    expect(view.map((s) => s.mode)).toEqual(['fit', 'loop']);
    expect(view[1].loss).toEqual([{ x: 0, y: 3 }, { x: 1, y: 1 }]);
    expect(view[1].bytes).toEqual([{ x: 0, y: 10 }, { x: 1, y: 30 }]);
    expect(store.total).toBe(3);
  });

  it('skips losses that were not read back and can chart the running mean', () => {
    const store = new SeriesStore({ loss: 'meanLoss' });
    store.append([metric('fit', 4, 1), metric('fit', NaN, 1), metric('fit', 2, 1)]);
    expect(store.view()[0].loss).toEqual([{ x: 0, y: 2 }, { x: 2, y: 1 }]);
    expect(store.view()[0].bytes).toHaveLength(3);
  });

  it('stays bounded for long runs and keeps the extremes', () => {
    const store = new SeriesStore({ display: 500, capacity: 2000 });
    for (let chunk = 0; chunk < 100; chunk++) {
      store.append(Array.from({ length: 500 }, (_, i) => metric('fitDataset', chunk === 50 && i === 7 ? 1000 : 1 + Math.random(), 8)));
    }
    const [view] = store.view();
    expect(store.total).toBe(50_000);
    expect(view.batches).toBe(50_000);
    expect(view.loss.length).toBeLessThanOrEqual(500);
    expect(view.loss[0].x).toBe(0);
    expect(view.loss[view.loss.length - 1].x).toBe(49_999);
    expect(Math.max(...view.loss.map((p) => p.y))).toBe(1000);
    // The cached view is reused until the mode changes.
    expect(store.view()[0]).toBe(view);
  });
});

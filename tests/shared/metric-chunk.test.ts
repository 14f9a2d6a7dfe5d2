import { describe, expect, it } from 'vitest';
import { MetricPacker, chunkSteps, packMetrics, unpackChunk } from '../../src/shared/metric-chunk';
import { COL, METRIC_COLUMNS, metricToRow } from '../../src/shared/metric-row';
import type { BatchMetric } from '../../src/shared/metrics';

const metric = (i: number, gpu: boolean): BatchMetric => ({
  mode: i % 2 ? 'loop' : 'fitDataset',
  repeat: i % 3,
  steps: i % 4 ? 1 : 8,
  stepPeakBytes: 2000 * i,
  stepPeakTensors: i % 7 ? 30 + i : NaN,
  epoch: i >> 3,
  batch: i % 8,
  loss: 1 / (i + 1),
  meanLoss: i % 4 ? 2 / (i + 1) : NaN,
  ms: 0.5 + i,
  dataMs: i % 5 ? 0.1 * i : NaN,
  samplesSeen: 32 * (i + 1),
  valLoss: i % 8 === 7 ? 0.5 : NaN,
  valAccuracy: i % 8 === 7 ? 0.75 : NaN,
  numTensors: 20 + i,
  numBytes: 1000 * i,
  gpuBytesInUse: gpu ? 4096 * i : null,
  gpuBytesAllocated: gpu ? 8192 : null,
});

describe('metric chunks', () => {
  it('pack and unpack rows exactly, growing as needed, and start empty after take()', () => {
    const packer = new MetricPacker(2);
    const rows = Array.from({ length: 37 }, (_, i) => metric(i, i % 3 === 0));
    rows.forEach((r) => packer.push(metricToRow(r)));
    const chunk = packer.take();
    expect(chunk.count).toBe(37);
    expect(unpackChunk(chunk)).toEqual(rows);
    expect(packer.size).toBe(0);
    expect(packer.take().count).toBe(0);
    // Records count training steps, so a record per epoch is not taken for one batch.
    expect(chunkSteps(chunk)).toBe(rows.reduce((sum, r) => sum + r.steps, 0));
  });

  it('have one column per BatchMetric field, each found by name', () => {
    const one = metric(5, true);
    expect([...METRIC_COLUMNS].sort()).toEqual(Object.keys(one).sort());
    const row = packMetrics([one]).data;
    expect(row[COL.stepPeakBytes]).toBe(one.stepPeakBytes);
    expect(row[COL.samplesSeen]).toBe(one.samplesSeen);
  });
});

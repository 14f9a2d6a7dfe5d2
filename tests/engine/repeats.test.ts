// Runs in Node on the cpu backend: repeats run every mode R times in rotated order from the same weights and
// data; a stop keeps the completed repeats and leaks nothing; every summary carries one time-per-batch
// estimator with its interval, and the comparisons carry verdict words.
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/engine/run';
import { rowToMetric } from '../../src/shared/metric-row';
import type { BatchMetric, ModeSummary } from '../../src/shared/metrics';
import { smallConfig, tf, useCpu } from './helpers';

beforeAll(useCpu);

describe('repeats', () => {
  it('runs each mode once per repeat in rotated order, every repeat from the same start', async () => {
    const started: string[] = [];
    const metrics: BatchMetric[] = [];
    const perRepeat: ModeSummary[] = [];
    const config = smallConfig({ modes: ['fit', 'loop'], repeats: 3, epochs: 1, samples: 256 });
    const result = await runExperiment(tf, config, 'cpu', {
      signal: { stopped: false },
      onBatch: (row) => metrics.push(rowToMetric(row)),
      onModeEnd: (s) => {
        perRepeat.push(s);
        started.push(`${s.repeat}:${s.mode}`);
      },
    });
    expect(started).toEqual(['0:fit', '0:loop', '1:loop', '1:fit', '2:loop', '2:fit']);
    // Same weights and data each repeat: the same losses, batch for batch.
    for (const mode of ['fit', 'loop'] as const) {
      const losses = [0, 1, 2].map((r) => metrics.filter((m) => m.mode === mode && m.repeat === r).map((m) => m.loss));
      expect(losses[1]).toEqual(losses[0]);
      expect(losses[2]).toEqual(losses[0]);
    }
    for (const s of result.summaries) {
      expect(s.repeats).toBe(3);
      expect(s.repeatsPlanned).toBe(3);
      expect(s.intervalBasis).toBe('repeats');
      expect(s.msPerBatchLow).toBeLessThanOrEqual(s.msPerBatchMedian);
      expect(s.msPerBatchHigh).toBeGreaterThanOrEqual(s.msPerBatchMedian);
      expect(s.samplesPerSec).toBeCloseTo((s.batchSize * 1000) / s.msPerBatchMedian, 6);
      expect(s.repeat).toBeUndefined();
    }
    expect(perRepeat.every((s) => s.intervalBasis === 'batches')).toBe(true);
    expect(result.totalBatches).toBe(3 * 2 * 8);
    const fitVsLoop = result.comparisons.find((c) => c.mode === 'fit' && c.other === 'loop')!;
    expect(['different', 'equivalent', 'inconclusive']).toContain(fitVsLoop.verdict);
    expect(fitVsLoop.basis).toBe('repeats');
    expect(fitVsLoop.n).toBe(3);
  });

  it('keeps the completed repeats when stopped in repeat 3 of 5, marks them incomplete, and leaks nothing', async () => {
    const signal = { stopped: false };
    const tensorsBefore = tf.memory().numTensors;
    const config = smallConfig({ modes: ['trainOnBatch', 'loop'], repeats: 5, epochs: 1, samples: 512 });
    let seen = 0;
    const result = await runExperiment(tf, config, 'cpu', {
      signal,
      onBatch: (row) => {
        // 16 batches a mode: the 5th batch of repeat 3 (0-based 2).
        if (rowToMetric(row).repeat === 2 && ++seen === 5) signal.stopped = true;
      },
    });
    expect(result.stopped).toBe(true);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    for (const s of result.summaries) {
      expect(s.repeats).toBe(2);
      expect(s.repeatsPlanned).toBe(5);
      expect(s.leakedTensors).toBe(0);
      expect(s.batches).toBe(16);
    }
  });

  it('leaves warm-up batches out of the steady statistics and says how many', async () => {
    const result = await runExperiment(tf, smallConfig({ modes: ['loop'], epochs: 2, samples: 1024 }), 'cpu', {
      signal: { stopped: false },
      onBatch() {},
    });
    const [loop] = result.summaries;
    expect(loop.warmupBatches).toBeGreaterThanOrEqual(1);
    expect(loop.steadyBatches + loop.warmupBatches).toBe(loop.batches);
    expect(loop.msPerBatchP5).toBeLessThanOrEqual(loop.msPerBatchMedian);
    expect(loop.msPerBatchP95).toBeGreaterThanOrEqual(loop.msPerBatchMedian);
    expect(loop.msBox!.p50).toBe(loop.msPerBatchMedian);
    expect(loop.msHistogram!.counts.reduce((a, b) => a + b, 0) + loop.msHistogram!.excluded).toBe(loop.steadyBatches);
  });

  it("records each batch's in-step peak, above the batch-end reading", async () => {
    const metrics: BatchMetric[] = [];
    await runExperiment(tf, smallConfig({ modes: ['fitDataset'], epochs: 1, samples: 256 }), 'cpu', {
      signal: { stopped: false },
      onBatch: (row) => metrics.push(rowToMetric(row)),
    });
    expect(metrics.length).toBe(8);
    for (const m of metrics) expect(m.stepPeakBytes).toBeGreaterThan(m.numBytes);
  });
});

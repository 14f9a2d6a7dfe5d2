import { beforeAll, describe, expect, it } from 'vitest';
import { MODE_NAMES } from '../../src/shared/config';
import { run, smallConfig, tf, useCpu } from './helpers';

beforeAll(useCpu);

describe('the four training modes on the default teacher task', () => {
  it('each lowers the loss to at most half its initial loss, from the same initial loss, without leaking', async () => {
    const before = tf.memory().numTensors;
    const { result, metrics } = await run(smallConfig());
    expect(result.summaries.map((s) => s.mode)).toEqual([...MODE_NAMES]);
    const initial = result.summaries[0].initialLoss;
    for (const s of result.summaries) {
      expect(s.initialLoss).toBe(initial);
      expect(s.finalLoss).toBeLessThanOrEqual(s.initialLoss / 2);
      expect(s.leakedTensors).toBe(0);
      expect(s.batches).toBe(3 * Math.ceil(1024 / 32));
      expect(s.backend).toBe('cpu');
      expect(s.msPerBatchMedian).toBeGreaterThan(0);
      expect(s.msPerBatchP95).toBeGreaterThanOrEqual(s.msPerBatchMedian);
      expect(s.samplesPerSec).toBeGreaterThan(0);
    }
    // The run itself (data, evaluation) frees everything too.
    expect(tf.memory().numTensors).toBe(before);
    expect(metrics.length).toBe(result.totalBatches);
  });

  it('gives every mode the same data, weights and batch order: final losses agree', async () => {
    const { result } = await run(smallConfig({ epochs: 1, optimizer: 'sgd', learningRate: 0.05 }));
    const losses = result.summaries.map((s) => s.finalLoss);
    for (const loss of losses) expect(loss).toBeCloseTo(losses[0], 4);
    expect(losses[0]).toBeLessThan(result.summaries[0].initialLoss);
  });

  it('reports per-batch metrics with loss, time, samples seen and backend memory', async () => {
    const { metrics } = await run(smallConfig({ samples: 100, batchSize: 32, epochs: 2, modes: ['fit', 'loop'] }));
    const fit = metrics.filter((m) => m.mode === 'fit');
    expect(fit.map((m) => [m.epoch, m.batch])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    // The last batch of an epoch is partial (100 = 3 × 32 + 4).
    expect(fit.map((m) => m.samplesSeen)).toEqual([32, 64, 96, 100, 132, 164, 196, 200]);
    for (const m of metrics) {
      expect(Number.isFinite(m.loss)).toBe(true);
      expect(m.ms).toBeGreaterThan(0);
      expect(m.numTensors).toBeGreaterThan(0);
      expect(m.numBytes).toBeGreaterThan(0);
      // The cpu backend has no GPU memory: null, never a made-up 0.
      expect(m.gpuBytesInUse).toBeNull();
      expect(m.gpuBytesAllocated).toBeNull();
    }
  });

  it('trains a linear model (no hidden layers) in every mode', async () => {
    const { result } = await run(smallConfig({ hidden: [], epochs: 2, samples: 256 }));
    for (const s of result.summaries) {
      expect(s.finalLoss).toBeLessThan(s.initialLoss);
      expect(s.leakedTensors).toBe(0);
    }
  });
});

describe('stopping', () => {
  it('stops each mode between batches and frees everything it allocated', async () => {
    for (const mode of MODE_NAMES) {
      const before = tf.memory().numTensors;
      const { result, metrics } = await run(smallConfig({ modes: [mode], epochs: 5 }), { stopAfter: 3 });
      expect(result.stopped).toBe(true);
      expect(metrics.length).toBe(3);
      expect(result.summaries[0].batches).toBe(3);
      expect(result.summaries[0].leakedTensors).toBe(0);
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('skips the modes that had not started when the stop came', async () => {
    const { result } = await run(smallConfig({ epochs: 1 }), { stopAfter: 2 });
    expect(result.summaries.map((s) => s.mode)).toEqual(['fit']);
    expect(result.totalBatches).toBe(2);
  });
});

describe('memory', () => {
  it("fit's peak bytes grow with the sample count while fitDataset's stay flat", async () => {
    // A few batches show what each mode holds; a stop ends the run, so each mode runs on its own.
    const peaks = async (samples: number) => {
      const peakOf = async (mode: 'fit' | 'fitDataset') =>
        (await run(smallConfig({ samples, features: 32, epochs: 1, modes: [mode] }), { stopAfter: 4 })).result.summaries[0].peakBytes;
      return { fit: await peakOf('fit'), fitDataset: await peakOf('fitDataset') };
    };
    const small = await peaks(8192);
    const large = await peaks(65536);
    // fit holds X and Y: (32 + 1) floats a sample, so 8× the samples adds ~7.5 MB.
    expect(large.fit - small.fit).toBeGreaterThan(57344 * 33 * 4 * 0.9);
    expect(large.fitDataset).toBeLessThan(small.fitDataset * 1.1);
    expect(large.fit).toBeGreaterThan(large.fitDataset * 10);
  });
});

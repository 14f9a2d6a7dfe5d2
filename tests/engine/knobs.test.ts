// Each knob of the measurement changes what it should, and nothing leaks whatever the combination.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeShards } from '../../src/cli/node-shard-store';
import { runExperiment } from '../../src/engine/run';
import type { RunConfig } from '../../src/shared/config';
import type { BatchMetric } from '../../src/shared/metrics';
import { smallConfig, tf, useCpu } from './helpers';
import { rowToMetric } from '../../src/shared/metric-row';

beforeAll(useCpu);

const shardRoot = mkdtempSync(join(tmpdir(), 'fitscope-test-shards-'));

async function run(config: RunConfig, stopAfter?: number) {
  const metrics: BatchMetric[] = [];
  const signal = { stopped: false };
  const result = await runExperiment(tf, config, 'cpu', {
    signal,
    onBatch(row) {
      metrics.push(rowToMetric(row));
      if (stopAfter !== undefined && metrics.length >= stopAfter) signal.stopped = true;
    },
    openShards: (c) => openNodeShards(c, shardRoot),
  });
  const by = Object.fromEntries(result.summaries.map((s) => [s.mode, s]));
  return { result, metrics, by };
}

describe('loss readback', () => {
  it('once per epoch reads far less often than every batch; trainOnBatch always reads every batch', async () => {
    const config = smallConfig({ samples: 512, epochs: 2 }); // 16 batches an epoch
    const every = await run(config);
    const epoch = await run({ ...config, readback: 'epoch' });
    const everyFourth = await run({ ...config, readback: 4 });
    for (const mode of ['fit', 'fitDataset', 'loop']) {
      expect(every.by[mode].lossReads).toBe(32);
      expect(epoch.by[mode].lossReads).toBe(2);
      expect(everyFourth.by[mode].lossReads).toBe(8);
    }
    expect(epoch.by.trainOnBatch.lossReads).toBe(32);
    // Skipped reads are NaN in the stream, not invented numbers; the epoch's last batch is read.
    const loopEpoch = epoch.metrics.filter((m) => m.mode === 'loop');
    expect(loopEpoch.filter((m) => Number.isFinite(m.loss)).map((m) => m.batch)).toEqual([15, 15]);
    // Reading less does not change training.
    expect(epoch.by.loop.finalLoss).toBeCloseTo(every.by.loop.finalLoss, 6);
  });

  it("shows Keras' running mean over the epoch, kept on the device when reads are sparse", async () => {
    const config = smallConfig({ samples: 100, batchSize: 32, epochs: 1, modes: ['loop'], lossView: 'keras' });
    const every = (await run(config)).metrics;
    // Sample-weighted mean of the batch losses so far (the last batch has 4 samples).
    const sizes = [32, 32, 32, 4];
    const expected = every.map(
      (_, i) => every.slice(0, i + 1).reduce((a, m, j) => a + m.loss * sizes[j], 0) / sizes.slice(0, i + 1).reduce((a, b) => a + b, 0),
    );
    every.forEach((m, i) => expect(m.meanLoss).toBeCloseTo(expected[i], 5));
    const sparse = (await run({ ...config, readback: 'epoch' })).metrics;
    expect(sparse.at(-1)!.meanLoss).toBeCloseTo(every.at(-1)!.meanLoss, 5);
  });
});

describe('generator pipeline', () => {
  it('prefetch ≥ 2 hides a 5 ms per-batch latency behind the training step', async () => {
    const config = smallConfig({
      samples: 1536,
      features: 64,
      hidden: [256, 256],
      batchSize: 128,
      epochs: 1,
      modes: ['fitDataset'],
      latencyMs: 5,
      readback: 'epoch',
    });
    const plain = await run(config);
    const prefetched = await run({ ...config, prefetch: 2 });
    expect(plain.by.fitDataset.dataMsMedian).toBeGreaterThan(4);
    expect(prefetched.by.fitDataset.dataMsMedian).toBeLessThan(plain.by.fitDataset.dataMsMedian * 0.8);
  });

  it('gives the same data from memory, computed on the fly, shards on disk, and single samples + .batch()', async () => {
    const config = smallConfig({ samples: 300, epochs: 1, modes: ['fitDataset'], optimizer: 'sgd', learningRate: 0.05 });
    const memory = await run(config);
    for (const variant of [
      { source: 'compute' as const },
      { source: 'shards' as const },
      { genYields: 'samples' as const },
      { prefetch: 3 },
    ]) {
      const other = await run({ ...config, ...variant });
      expect(other.by.fitDataset.finalLoss, JSON.stringify(variant)).toBeCloseTo(memory.by.fitDataset.finalLoss, 5);
      expect(other.by.fitDataset.leakedTensors).toBe(0);
    }
  });

  it('augmentation is real work in the generator: it raises the data time', async () => {
    const config = smallConfig({ samples: 1024, features: 256, hidden: [8], epochs: 1, modes: ['fitDataset'], readback: 'epoch' });
    const plain = await run(config);
    const augmented = await run({ ...config, augment: 8 });
    expect(augmented.by.fitDataset.dataMsMedian).toBeGreaterThan(plain.by.fitDataset.dataMsMedian * 2);
    expect(augmented.by.fitDataset.finalLoss).not.toBe(plain.by.fitDataset.finalLoss);
  });

  it('feeds trainOnBatch and loop through the pipeline when asked, paying its latency', async () => {
    const config = smallConfig({ samples: 256, epochs: 1, modes: ['trainOnBatch', 'loop'], latencyMs: 3 });
    const arrays = await run(config);
    const piped = await run({ ...config, feed: 'pipeline' });
    for (const mode of ['trainOnBatch', 'loop']) {
      expect(arrays.by[mode].dataMsMedian).toBeLessThan(2);
      expect(piped.by[mode].dataMsMedian).toBeGreaterThan(2.5);
      expect(piped.by[mode].finalLoss).toBeCloseTo(arrays.by[mode].finalLoss, 5);
    }
  });
});

describe('timing breakdown', () => {
  it('splits each batch into data wait and step, and compares every mode with loop', async () => {
    const { by, metrics } = await run(smallConfig({ samples: 256, epochs: 1 }));
    expect(Number.isNaN(by.fit.dataMsMedian)).toBe(true); // fit slices inside its own step
    for (const mode of ['fitDataset', 'trainOnBatch', 'loop']) {
      expect(by[mode].dataMsMedian).toBeGreaterThan(0);
      expect(by[mode].stepMsMedian).toBeLessThan(by[mode].msPerBatchMedian);
    }
    expect(by.loop.vsLoop).toBe(1);
    expect(by.fit.vsLoop).toBeCloseTo(by.fit.msPerBatchMedian / by.loop.msPerBatchMedian, 10);
    for (const m of metrics.filter((x) => x.mode !== 'fit')) expect(m.dataMs).toBeLessThanOrEqual(m.ms);
  });

  it('with per-batch callbacks off, fit records one point per epoch and says its times are averages', async () => {
    const { by, metrics } = await run(smallConfig({ samples: 256, epochs: 3, modes: ['fit'], callbacks: false }));
    expect(by.fit.timing).toBe('epoch');
    expect(by.fit.batches).toBe(24);
    expect(metrics.length).toBe(3);
    expect(by.fit.finalLoss).toBeLessThan(by.fit.initialLoss);
  });
});

describe('memory accounting', () => {
  it("separates the data set's resident bytes: fit's grow with samples, the generator's stay zero", async () => {
    const at = async (samples: number) =>
      (await run(smallConfig({ samples, features: 32, epochs: 1, modes: ['fit', 'fitDataset'], readback: 'epoch' }), 10_000)).by;
    const small = await at(2048);
    const large = await at(16384);
    expect(small.fit.residentBytes).toBe(2048 * 33 * 4);
    expect(large.fit.residentBytes).toBe(16384 * 33 * 4);
    expect(small.fitDataset.residentBytes).toBe(0);
    expect(large.fitDataset.residentBytes).toBe(0);
  });

  it('finds the true peak inside the step, above what batch-end samples see, and the estimate is within 2×', async () => {
    for (const overrides of [
      {},
      { samples: 8192, features: 32, hidden: [128, 64], batchSize: 256 },
      { optimizer: 'sgd' as const, validationSplit: 0.25 },
    ]) {
      const { by } = await run(smallConfig({ epochs: 1, ...overrides }));
      for (const s of Object.values(by)) {
        expect(s.peakSource).toBe('allocation');
        expect(s.peakBytes).toBeGreaterThan(s.batchEndPeakBytes);
        expect(s.peakBytes / s.estimatedPeakBytes, `${s.mode} ${JSON.stringify(overrides)}`).toBeLessThan(2);
        expect(s.estimatedPeakBytes / s.peakBytes, `${s.mode} ${JSON.stringify(overrides)}`).toBeLessThan(2);
      }
      // Without a big resident data set the step's transient tensors dominate: batch-end samples miss most of them.
      if (overrides.batchSize === 256)
        expect(by.loop.peakBytes - by.loop.residentBytes).toBeGreaterThan(2 * by.loop.batchEndPeakBytes - 2 * by.loop.residentBytes);
    }
  });

  it('the guard refuses fit over budget, says why, and still runs the other modes', async () => {
    const { result, by } = await run(smallConfig({ samples: 65536, features: 32, epochs: 1, budgetMb: 1 }), 40);
    expect(by.fit.refused).toMatch(/fit refused: its estimated peak of .* exceeds the memory budget of 1\.0 MB \(budget-mb\)/);
    expect(by.fit.batches).toBe(0);
    expect(Number.isNaN(by.fit.msPerBatchMedian)).toBe(true);
    expect(by.fitDataset.refused).toBeUndefined();
    expect(by.fitDataset.batches).toBeGreaterThan(0);
    expect(result.summaries.map((s) => s.mode)).toContain('fitDataset');
  });
});

describe('no leaks, whatever the knobs', () => {
  const variants: Partial<RunConfig>[] = [
    { prefetch: 4, readback: 'epoch' },
    { genYields: 'samples', prefetch: 2, augment: 1 },
    { source: 'compute', feed: 'pipeline', readback: 3, lossView: 'keras' },
    { source: 'shards', feed: 'pipeline', prefetch: 2, genYields: 'samples' },
    { shuffle: true, validationSplit: 0.2, yieldEvery: 'batch' },
    { callbacks: false, yieldEvery: 'auto', lossView: 'keras', readback: 'epoch' },
  ];
  it.each(variants)('completes and stops mid-run without leaking: %j', async (variant) => {
    const config = smallConfig({ samples: 200, epochs: 2, ...variant });
    const before = tf.memory().numTensors;
    const full = await run(config);
    for (const s of full.result.summaries) expect(s.leakedTensors, s.mode).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    for (const mode of ['fit', 'fitDataset', 'trainOnBatch', 'loop'] as const) {
      // With per-batch callbacks off, fit and fitDataset report once per epoch: stop at the first report.
      const stopped = await run({ ...config, modes: [mode] }, config.callbacks ? 3 : 1);
      expect(stopped.result.stopped).toBe(true);
      expect(stopped.by[mode].leakedTensors, mode).toBe(0);
      expect(tf.memory().numTensors, mode).toBe(before);
    }
  });
});

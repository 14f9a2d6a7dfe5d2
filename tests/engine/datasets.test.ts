// Every data set loads with its documented counts and shapes, and the models learn them.
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeAssets } from '../../src/cli/node-assets';
import { describeArchitecture } from '../../src/engine/architecture';
import { activateBackend } from '../../src/engine/backend';
import { loadDataSource } from '../../src/engine/data/load';
import { kernelsFor } from '../../src/engine/kernels';
import { runExperiment } from '../../src/engine/run';
import { DATASETS, DATASET_NAMES } from '../../src/shared/datasets';
import { smallConfig, tf, useCpu } from './helpers';
import type { RunConfig } from '../../src/shared/config';
import { rowToMetric } from '../../src/shared/metric-row';

beforeAll(useCpu);
const assets = nodeAssets();

const run = (config: RunConfig) => runExperiment(tf, config, 'cpu', { signal: { stopped: false }, onBatch() {}, assets });

describe('data sets', () => {
  // csv has its own tests (tests/engine/csv.test.ts): its shape comes from the file.
  it.each(DATASET_NAMES.filter((n) => n !== 'csv'))('%s loads with its documented shape', async (name) => {
    const info = DATASETS[name];
    const samples = Math.min(info.maxSamples, Math.max(info.minSamples, 1000));
    const source = await loadDataSource(smallConfig({ dataset: name, samples, features: 32 }), assets);
    const arrays = await source.arrays();
    const { validation, test } = await source.heldOut();
    const features = info.features ?? 32;
    const outputs = info.classes?.length ?? 1;
    expect(source.shape).toMatchObject({ samples, features, outputs, task: info.task! });
    expect(arrays.x.length).toBe(samples * features);
    expect(arrays.y.length).toBe(samples * outputs);
    expect(validation.x.length).toBe(validation.samples * features);
    expect(test.y.length).toBe(test.samples * outputs);
    expect(validation.samples).toBeGreaterThan(0);
    expect(test.samples).toBeGreaterThan(0);
    for (const v of arrays.x.subarray(0, 2000)) expect(Number.isFinite(v)).toBe(true);
    if (info.classes) {
      // One-hot targets: each row sums to 1, and every class occurs.
      const seen = new Set<number>();
      for (let i = 0; i < samples; i++) {
        const row = arrays.y.subarray(i * outputs, (i + 1) * outputs);
        expect(row.reduce((a, b) => a + b, 0)).toBe(1);
        seen.add(row.indexOf(1));
      }
      expect(seen.size).toBe(outputs);
    }
  });

  it('splits the real sets as documented: iris 90/30/30, penguins 206/68/68, mnist 60k train and 1k + 9k held out', async () => {
    for (const [name, counts] of [
      ['iris', [90, 30, 30]],
      ['penguins', [206, 68, 68]],
    ] as const) {
      const source = await loadDataSource(smallConfig({ dataset: name }), assets);
      const { validation, test } = await source.heldOut();
      expect([source.shape.samples, validation.samples, test.samples]).toEqual(counts);
      // Standardised with the training rows' statistics.
      const x = (await source.arrays()).x;
      const mean = Array.from({ length: 4 }, (_, k) => x.filter((_, i) => i % 4 === k).reduce((a, b) => a + b, 0) / source.shape.samples);
      for (const m of mean) expect(Math.abs(m)).toBeLessThan(1e-5);
    }
    const mnist = await loadDataSource(smallConfig({ dataset: 'mnist', samples: 60_000 }), assets);
    const held = await mnist.heldOut();
    expect([mnist.shape.samples, held.validation.samples, held.test.samples]).toEqual([60_000, 1000, 9000]);
    expect(mnist.shape.image).toEqual([28, 28, 1]);
    const rows = await mnist.compute.read(59_990, 60_000);
    expect(Math.max(...rows.x)).toBeLessThanOrEqual(1);
    expect(Math.max(...rows.x)).toBeGreaterThan(0.5);
  });

  it('tells the user when a fixed-size set ignores the sample count', async () => {
    const source = await loadDataSource(smallConfig({ dataset: 'iris', samples: 5000 }), assets);
    expect(source.notices.join()).toContain('iris has 90 training samples');
  });

  it('computes synthetic sets identically on demand and in bulk', async () => {
    for (const name of ['teacher', 'spirals', 'circles', 'xor'] as const) {
      const source = await loadDataSource(smallConfig({ dataset: name, samples: 300 }), assets);
      const arrays = await source.arrays();
      const rows = await source.compute.read(100, 110);
      expect(Array.from(rows.x)).toEqual(Array.from(arrays.x.subarray(100 * source.shape.features, 110 * source.shape.features)));
    }
  });
});

describe('learning real data', () => {
  it('an MLP reaches ≥ 0.8 test accuracy on iris in every mode, reporting test loss and accuracy', async () => {
    const result = await run(smallConfig({ dataset: 'iris', hidden: [16], batchSize: 16, epochs: 40, learningRate: 0.02 }));
    for (const s of result.summaries) {
      expect(s.testAccuracy, s.mode).toBeGreaterThanOrEqual(0.8);
      expect(s.testLoss).toBeLessThan(s.initialLoss);
      expect(s.leakedTensors).toBe(0);
    }
  });

  it('reports validation accuracy after every epoch, and a regression set has no accuracy', async () => {
    const metrics: { valAccuracy: number; valLoss: number; epoch: number }[] = [];
    await runExperiment(tf, smallConfig({ dataset: 'spirals', samples: 512, modes: ['loop'], epochs: 3 }), 'cpu', {
      signal: { stopped: false },
      onBatch: (row) => metrics.push(rowToMetric(row)),
      assets,
    });
    const epochEnds = metrics.filter((m) => Number.isFinite(m.valAccuracy));
    expect(epochEnds.map((m) => m.epoch)).toEqual([0, 1, 2]);
    for (const m of epochEnds) expect(m.valAccuracy).toBeGreaterThan(0.3);
    const teacher = await run(smallConfig({ modes: ['loop'], epochs: 1 }));
    expect(Number.isNaN(teacher.summaries[0].testAccuracy)).toBe(true);
    expect(teacher.summaries[0].testLoss).toBeGreaterThan(0);
  });

  it('a tiny CNN reaches ≥ 0.7 test accuracy on 2k MNIST images on cpu, with the same maths in fit and loop', async () => {
    const config = smallConfig({
      dataset: 'mnist',
      model: 'cnn',
      samples: 2000,
      hidden: [32],
      batchSize: 32,
      epochs: 1,
      modes: ['fit', 'loop'],
      learningRate: 0.01,
    });
    const arch = describeArchitecture(config, { samples: 2000, features: 784, outputs: 10, task: 'classification', image: [28, 28, 1] });
    expect(arch.layers.map((l) => l.spec.kind)).toEqual(['reshape', 'conv', 'pool', 'conv', 'flatten', 'dense', 'dense']);
    const result = await run(config);
    const [fit, loop] = result.summaries;
    expect(fit.testAccuracy).toBeGreaterThanOrEqual(0.7);
    expect(loop.testAccuracy).toBeCloseTo(fit.testAccuracy, 2);
    expect(fit.initialLoss).toBeCloseTo(Math.log(10), 0);
    expect(fit.leakedTensors + loop.leakedTensors).toBe(0);
  }, 240_000);

  it('falls back from a backend that cannot train a CNN, naming the missing kernel', async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    const cnn = smallConfig({ dataset: 'mnist', model: 'cnn' });
    const info = await activateBackend(tf, 'auto', {}, ['wasm', 'cpu'], kernelsFor(cnn));
    expect(info.active).toBe('cpu');
    expect(info.fallbacks).toEqual([{ backend: 'wasm', reason: 'wasm cannot train this model: it has no Conv2DBackpropFilter kernel' }]);
    await expect(activateBackend(tf, 'wasm', {}, ['wasm', 'cpu'], kernelsFor(cnn))).rejects.toThrow(/Conv2DBackpropFilter/);
    // An MLP on the same data is fine on wasm.
    expect((await activateBackend(tf, 'wasm', {}, ['wasm', 'cpu'], kernelsFor({ ...cnn, model: 'mlp' }))).active).toBe('wasm');
    await useCpu();
  });
});

// Real Keras and fitscope's engine (tfjs cpu) train the same setup from the same data, initial weights and
// batch order, so their losses must agree:
// - the initial loss (no training yet: same weights, same forward pass) within 1e-5 relative;
// - after training with sgd, rmsprop or adagrad within 1e-5 relative: the same maths in float32, summed in a
//   different order by different kernels (measured: 1e-7 on MNIST after 32 steps);
// - after training with Adam, looser: Keras adds epsilon to sqrt(v) before bias correction, tfjs to
//   sqrt(v̂) after it, so Keras' effective epsilon is epsilon / sqrt(1 − β2^t) (31× at step 1, 1.4× at
//   step 512) and no constructor argument makes them equal. Small second moments feel it most: measured
//   4.4e-4 relative on the teacher set (4096 samples, 2 epochs) and 2.6e-2 on MNIST, whose border pixels
//   are almost always zero. Tolerances: 2e-3 and 6e-2. The sgd case on MNIST shows the gap is Adam's alone.
// Every Keras mode must land on the same numbers as every other (same batches, same order, same kernels).
import { describe, expect, it } from 'vitest';
import { runKeras } from '../../src/cli/keras/run-keras';
import { nodeAssets } from '../../src/cli/node-assets';
import { runExperiment } from '../../src/engine/run';
import { DEFAULT_CONFIG, MODE_NAMES, cloneConfig, type RunConfig } from '../../src/shared/config';
import { tf, useCpu } from '../engine/helpers';
import { kerasVenv } from './keras-env';

const venv = await kerasVenv();

async function quietCpu() {
  await useCpu();
  (tf.backend() as { firstUse?: boolean }).firstUse = false; // tfjs' advice to install tfjs-node, once per process
}
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

interface Case {
  name: string;
  config: Partial<RunConfig>;
  finalTolerance: number;
}

const CASES: Case[] = [
  { name: 'the default setup (teacher, 4096 samples, MLP 64,64, adam, batch 32, 2 epochs)', config: {}, finalTolerance: 2e-3 },
  {
    name: 'MNIST, MLP 64, adam',
    config: { dataset: 'mnist', samples: 512, hidden: [64], epochs: 2, modes: ['fit', 'loop'] },
    finalTolerance: 6e-2,
  },
  {
    name: 'MNIST, MLP 64, sgd',
    config: { dataset: 'mnist', samples: 512, hidden: [64], epochs: 2, optimizer: 'sgd', learningRate: 0.1, modes: ['fit', 'loop'] },
    finalTolerance: 1e-5,
  },
  {
    name: 'teacher, adagrad',
    config: { samples: 1024, epochs: 1, optimizer: 'adagrad', learningRate: 0.05, modes: ['trainOnBatch'] },
    finalTolerance: 1e-5,
  },
  {
    name: 'teacher, rmsprop',
    config: { samples: 1024, epochs: 1, optimizer: 'rmsprop', learningRate: 0.001, modes: ['fitDataset'] },
    finalTolerance: 1e-5,
  },
];

describe.skipIf(!venv.ok)('Keras agrees with the engine', () => {
  for (const { name, config: overrides, finalTolerance } of CASES) {
    it(name, { timeout: 600_000 }, async () => {
      if (!venv.ok) return;
      await quietCpu();
      const config: RunConfig = { ...cloneConfig(DEFAULT_CONFIG as RunConfig), ...overrides };
      // The engine's modes agree with each other (tests/engine), so one of them is the reference.
      const engine = await runExperiment(tf, { ...config, modes: [config.modes[0]] }, 'cpu', {
        signal: { stopped: false },
        onBatch() {},
        assets: nodeAssets(),
      });
      const reference = engine.summaries[0];
      const keras = await runKeras(tf, config, {
        python: venv.python,
        threads: 1,
        workers: 2,
        isolate: false,
        hooks: { assets: nodeAssets() },
      });
      expect(keras.summaries.map((s) => s.mode)).toEqual(config.modes);
      for (const s of keras.summaries) {
        expect(s.batches, s.mode).toBe(reference.batches);
        expect(
          relative(s.initialLoss, reference.initialLoss),
          `${s.mode} initial loss ${s.initialLoss} vs ${reference.initialLoss}`,
        ).toBeLessThan(1e-5);
        expect(relative(s.finalLoss, reference.finalLoss), `${s.mode} final loss ${s.finalLoss} vs ${reference.finalLoss}`).toBeLessThan(
          finalTolerance,
        );
        expect(s.finalLoss).toBeLessThan(s.initialLoss);
        expect(s.finalLoss, 'every Keras mode trains to the same weights').toBeCloseTo(keras.summaries[0].finalLoss, 6);
      }
    });
  }

  it('measures each mode in its own process: timings, memory as process RSS', { timeout: 600_000 }, async () => {
    if (!venv.ok) return;
    await quietCpu();
    const config: RunConfig = { ...cloneConfig(DEFAULT_CONFIG as RunConfig), samples: 256, epochs: 1, modes: [...MODE_NAMES] };
    const keras = await runKeras(tf, config, { python: venv.python, threads: 1, workers: 2, isolate: true });
    for (const s of keras.summaries) {
      expect(s.batches).toBe(8);
      expect(s.msPerBatchMedian).toBeGreaterThan(0);
      expect(s.peakRssBytes, s.mode).toBeGreaterThan(50e6); // a process with TensorFlow loaded
      expect(s.memoryQuantity).toMatch(/process RSS.*not tensor bytes/);
      expect(s.engine).toMatch(/^Keras 3\.\d+\.\d+ \/ TensorFlow 2\.\d+\.\d+, native CPU, 1 thread$/);
    }
    expect(keras.summaries.find((s) => s.mode === 'loop')!.vsLoop).toBe(1);
    expect(keras.summaries.find((s) => s.mode === 'trainOnBatch')!.lossReads).toBe(8);
  });
});

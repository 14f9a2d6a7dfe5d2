// Runs in Node on wasm. The side run that says whether kernels=tuned would matter: it measures both kernel
// sets, frees everything it made, leaves the stock kernels in place, and never runs what the guard refused.
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tunedKernelsRegistered } from '../../src/engine/wasm-kernels';
import { runExperiment } from '../../src/engine/run';
import { smallConfig, tf } from './helpers';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('the tuned-kernels side run', () => {
  it('times stock and tuned steps after the modes, leaks nothing and leaves stock kernels registered', async () => {
    const before = tf.memory().numTensors;
    const result = await runExperiment(
      tf,
      smallConfig({ modes: ['loop'], epochs: 1, samples: 256, hidden: [128, 128], batchSize: 128 }),
      'wasm',
      { signal: { stopped: false }, onBatch() {} },
    );
    expect(result.kernelProbe!.stockMs).toBeGreaterThan(0);
    expect(result.kernelProbe!.tunedMs).toBeGreaterThan(0);
    expect(result.kernelProbe!.steps).toBeGreaterThanOrEqual(2);
    expect(tf.memory().numTensors).toBe(before);
    expect(tunedKernelsRegistered(tf)).toBe(false);
  });

  it('is skipped when every mode was refused, with tuned kernels, and after a stop', async () => {
    const refused = await runExperiment(tf, smallConfig({ modes: ['loop'], budgetMb: 1, hidden: [1024, 1024] }), 'wasm', {
      signal: { stopped: false },
      onBatch() {},
    });
    expect(refused.summaries[0].refused).toBeTruthy();
    expect(refused.kernelProbe).toBeNull();
    const signal = { stopped: false };
    const stopped = await runExperiment(tf, smallConfig({ modes: ['loop'] }), 'wasm', {
      signal,
      onBatch: () => void (signal.stopped = true),
    });
    expect(stopped.kernelProbe).toBeNull();
    const tuned = await runExperiment(tf, smallConfig({ modes: ['loop'], epochs: 1, samples: 64, kernels: 'tuned' }), 'wasm', {
      signal: { stopped: false },
      onBatch() {},
    });
    expect(tuned.kernelProbe).toBeNull();
  });
});

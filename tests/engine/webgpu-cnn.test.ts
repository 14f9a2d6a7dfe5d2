// The CNN's ops train on WebGPU (Dawn in Node): convolution and pooling gradients exist there (unlike wasm),
// fit and the hand loop agree, and nothing leaks. Skipped only with FITSCOPE_SKIP_WEBGPU=1.
import { describe, expect, it } from 'vitest';
import { nodeAssets } from '../../src/cli/node-assets';
import { registerNodeWebGPU } from '../../src/cli/node-webgpu';
import { activateBackend } from '../../src/engine/backend';
import { kernelsFor } from '../../src/engine/kernels';
import { runExperiment } from '../../src/engine/run';
import { tf } from '../../src/engine/tf';
import { DEFAULT_CONFIG, cloneConfig, type RunConfig } from '../../src/shared/config';

const registration = await registerNodeWebGPU();
const probed = await registration.probe();
const skip = Boolean(probed.unavailable) && process.env.FITSCOPE_SKIP_WEBGPU === '1';

describe.skipIf(skip)('a CNN on webgpu in Node', () => {
  it('has every kernel a CNN needs, trains in fit and loop alike, and leaks nothing', async () => {
    const config: RunConfig = {
      ...cloneConfig(DEFAULT_CONFIG as RunConfig),
      dataset: 'mnist',
      model: 'cnn',
      samples: 1000,
      batchSize: 100,
      epochs: 1,
      hidden: [16],
      modes: ['fit', 'loop'],
    };
    const info = await activateBackend(tf, 'webgpu', { webgpu: registration.probe }, undefined, kernelsFor(config));
    expect(info.active).toBe('webgpu');
    const result = await runExperiment(tf, config, 'webgpu', { signal: { stopped: false }, onBatch() {}, assets: nodeAssets() });
    const [fit, loop] = result.summaries;
    for (const s of [fit, loop]) {
      expect(s.finalLoss, s.mode).toBeLessThan(s.initialLoss * 0.8);
      expect(s.leakedTensors).toBe(0);
    }
    expect(loop.finalLoss).toBeCloseTo(fit.finalLoss, 3);
    await tf.setBackend('cpu');
  }, 300_000);
});

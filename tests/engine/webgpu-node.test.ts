// The engine on tfjs' webgpu backend in Node (Dawn through the npm `webgpu` package; on a GPU-less machine Mesa
// llvmpipe via Dawn's OpenGL backend). Every mode must train there, leak nothing, and give the same per-batch
// losses as the cpu backend: the engine is seeded, so data, initial weights and batch order are identical.
// No adapter is a failure with the reason, unless FITSCOPE_SKIP_WEBGPU=1 asks to skip.
import { describe, expect, it } from 'vitest';
import { registerNodeWebGPU } from '../../src/cli/node-webgpu';
import { activateBackend } from '../../src/engine/backend';
import { runExperiment } from '../../src/engine/run';
import { tf } from '../../src/engine/tf';
import { DEFAULT_CONFIG, MODE_NAMES, cloneConfig, type BackendName, type RunConfig } from '../../src/shared/config';
import type { BatchMetric } from '../../src/shared/metrics';
import { rowToMetric } from '../../src/shared/metric-row';

// llvmpipe takes ~20 ms per batch on the tiny config; the first webgpu run also compiles its shaders.
const TIMEOUT_MS = 180_000;

const registration = await registerNodeWebGPU();
const probed = await registration.probe();
const skipReason = probed.unavailable && process.env.FITSCOPE_SKIP_WEBGPU === '1' ? probed.unavailable : undefined;

function tinyConfig(overrides: Partial<RunConfig> = {}): RunConfig {
  return { ...cloneConfig(DEFAULT_CONFIG as RunConfig), samples: 64, batchSize: 16, epochs: 1, features: 4, hidden: [8], ...overrides };
}

async function runOn(backend: BackendName, config: RunConfig) {
  const metrics: BatchMetric[] = [];
  const result = await runExperiment(tf, config, backend, { signal: { stopped: false }, onBatch: (row) => metrics.push(rowToMetric(row)) });
  return { result, metrics };
}

function lossesOf(metrics: BatchMetric[], mode: string): number[] {
  return metrics.filter((m) => m.mode === mode).map((m) => m.loss);
}

function expectClose(actual: number[], expected: number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((value, i) => {
    const tolerance = 1e-5 + 1e-4 * Math.abs(expected[i]);
    if (!(Math.abs(value - expected[i]) <= tolerance)) {
      throw new Error(`${what}: batch ${i} loss ${value} on webgpu vs ${expected[i]} on cpu (tolerance ${tolerance})`);
    }
  });
}

if (skipReason) {
  describe('the engine on webgpu in Node', () => {
    it.skip(`skipped (FITSCOPE_SKIP_WEBGPU=1): ${skipReason}`, () => {});
  });
} else {
  describe('the engine on webgpu in Node', () => {
    it('finds a WebGPU adapter', () => {
      if (probed.unavailable) {
        throw new Error(`no WebGPU in Node: ${probed.unavailable} (set FITSCOPE_SKIP_WEBGPU=1 to skip these tests)`);
      }
      expect(probed.adapter).toMatch(/\S/);
    });

    it.each([
      ['adam', {}],
      ['sgd, two epochs, a partial last batch', { optimizer: 'sgd', learningRate: 0.05, epochs: 2, samples: 70 }],
    ] as const)(
      'trains every mode like cpu does, without leaking (%s)',
      async (_name, overrides) => {
        const config = tinyConfig(overrides);

        await tf.setBackend('cpu');
        await tf.ready();
        expect(tf.getBackend()).toBe('cpu');
        const cpu = await runOn('cpu', config);

        const info = await activateBackend(tf, 'webgpu', { webgpu: registration.probe });
        expect(info.active).toBe('webgpu');
        expect(info.adapter).toBe(probed.adapter);
        const tensorsBefore = tf.memory().numTensors;
        const gpu = await runOn('webgpu', config);
        expect(tf.getBackend()).toBe('webgpu');

        const batchesPerEpoch = Math.ceil(config.samples / config.batchSize);
        expect(gpu.result.summaries.map((s) => s.mode)).toEqual([...MODE_NAMES]);
        for (const s of gpu.result.summaries) {
          expect(s.backend).toBe('webgpu');
          expect(s.batches).toBe(config.epochs * batchesPerEpoch);
          expect(s.leakedTensors, `${s.mode} leaked tensors`).toBe(0);
          const ref = cpu.result.summaries.find((c) => c.mode === s.mode)!;
          expectClose([s.initialLoss, s.finalLoss], [ref.initialLoss, ref.finalLoss], `${s.mode} initial/final loss`);
          expect(s.finalLoss).toBeLessThan(s.initialLoss);
          expectClose(lossesOf(gpu.metrics, s.mode), lossesOf(cpu.metrics, s.mode), `${s.mode} per-batch loss`);
        }
        // The webgpu backend reports GPU memory; the cpu backend does not.
        for (const m of gpu.metrics) expect(m.gpuBytesInUse).not.toBeNull();
        for (const m of cpu.metrics) expect(m.gpuBytesInUse).toBeNull();
        expect(tf.memory().numTensors).toBe(tensorsBefore);
      },
      TIMEOUT_MS,
    );
  });
}

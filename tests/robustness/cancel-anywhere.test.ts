// Stop every mode at random batches, on cpu and wasm, with and without the generator's prefetch: no tensor is
// ever left behind, and the next run works.
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/engine/rng';
import { runExperiment } from '../../src/engine/run';
import { MODE_NAMES, type RunConfig } from '../../src/shared/config';
import { smallConfig, tf } from '../engine/helpers';

async function runUntil(config: RunConfig, backend: 'cpu' | 'wasm', stopAt: number) {
  let seen = 0;
  const signal = { stopped: false };
  return runExperiment(tf, config, backend, {
    signal,
    onBatch() {
      if (++seen >= stopAt) signal.stopped = true;
    },
  });
}

describe.each(['cpu', 'wasm'] as const)('cancel anywhere on %s', (backend) => {
  it('stops each mode at random batches without leaking, and the next run completes', async () => {
    await tf.setBackend(backend);
    const random = mulberry32(backend === 'cpu' ? 7 : 11);
    const variants: Partial<RunConfig>[] = [
      {},
      { prefetch: 3, genYields: 'samples', feed: 'pipeline' },
      { readback: 'epoch', lossView: 'keras', shuffle: true },
    ];
    for (const variant of variants) {
      for (const mode of MODE_NAMES) {
        const config = smallConfig({ samples: 160, batchSize: 16, epochs: 3, modes: [mode], ...variant });
        const before = tf.memory().numTensors;
        for (let trial = 0; trial < 3; trial++) {
          const stopAt = 1 + Math.floor(random() * 29);
          const result = await runUntil(config, backend, stopAt);
          expect(result.stopped, `${mode} stop at ${stopAt}`).toBe(true);
          expect(result.summaries[0].batches).toBe(stopAt);
          expect(result.summaries[0].leakedTensors, `${mode} ${JSON.stringify(variant)} stop at ${stopAt}`).toBe(0);
          expect(tf.memory().numTensors).toBe(before);
        }
        const next = await runUntil(config, backend, Number.POSITIVE_INFINITY);
        expect(next.stopped).toBe(false);
        expect(next.summaries[0].batches).toBe(30);
        expect(tf.memory().numTensors).toBe(before);
      }
    }
    await tf.setBackend('cpu');
  });
});

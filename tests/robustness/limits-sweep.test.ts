// Runs in Node, on cpu and wasm, with a browser worker's limits: every setting at the corners of its URL range
// (samples, features, hidden layers and batch size at their maxima, alone and together), for each mode, ends
// with a result or a refusal that says what it would need and what the limit is. Never a crash, never a hang.
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/engine/run';
import { BROWSER_WORKER_LIMITS } from '../../src/engine/memory-estimate';
import { FIELDS, MODE_NAMES, type RunConfig } from '../../src/shared/config';
import { smallConfig, tf } from '../engine/helpers';

const MAX_HIDDEN = Array<number>(FIELDS.hidden.maxLength).fill(FIELDS.hidden.max);
const CORNERS: Record<string, Partial<RunConfig>> = {
  'samples and features': { samples: FIELDS.samples.max, features: FIELDS.features.max, hidden: [64, 64] },
  'samples and batch': { samples: FIELDS.samples.max, features: 32, batchSize: FIELDS.batchSize.max, hidden: [64, 64] },
  hidden: { samples: 4096, features: 32, hidden: MAX_HIDDEN },
  'all at once': { samples: FIELDS.samples.max, features: FIELDS.features.max, batchSize: FIELDS.batchSize.max, hidden: MAX_HIDDEN },
};

describe.each(['cpu', 'wasm'] as const)('every corner of the ranges on %s', (backend) => {
  it.each(Object.entries(CORNERS))(
    '%s: each mode trains or is refused with its numbers',
    { timeout: 600_000 },
    async (_corner, overrides) => {
      await tf.setBackend(backend);
      await tf.ready();
      for (const mode of MODE_NAMES) {
        const config = smallConfig({ ...overrides, modes: [mode], epochs: 1 });
        const signal = { stopped: false };
        let batches = 0;
        const tensorsBefore = tf.memory().numTensors;
        const result = await runExperiment(tf, config, backend, {
          signal,
          limits: BROWSER_WORKER_LIMITS,
          // Two batches show the mode trains; the rest of a million samples adds nothing to this check.
          onBatch: () => void (++batches >= 2 && (signal.stopped = true)),
        });
        const [summary] = result.summaries;
        expect(summary.mode).toBe(mode);
        if (summary.refused) {
          // What it would need and what the limit is.
          expect(summary.refused).toMatch(new RegExp(`^${mode} refused: .*\\d.*(GB|MB).*(limit|budget)`));
          expect(summary.batches).toBe(0);
        } else {
          expect(summary.batches, `${mode} ran no batch`).toBeGreaterThanOrEqual(1);
          expect(Number.isFinite(summary.initialLoss)).toBe(true);
        }
        expect(tf.memory().numTensors).toBe(tensorsBefore);
      }
    },
  );
});

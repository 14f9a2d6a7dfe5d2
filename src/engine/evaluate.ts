// Runs in worker and Node. Loss (and accuracy, for classes) of a set of weights over some rows, computed the
// same way for every mode, outside timed regions: initialLoss is identical across modes and finalLoss, the
// per-epoch validation and the test figures are comparable. Rows come through a reader in chunks, so a set
// that was never materialised is not materialised here either. One readback per call. Between chunks the
// event loop gets a turn when one is due, as in training: a full-set pass (a CNN over 60,000 images on cpu)
// can take a minute, and the page's pings and a stop request must still get through.
import type { Architecture } from './architecture';
import type { DataShape, RowReader } from './data/types';
import { batchAccuracy, batchLoss, forward } from './model';
import type { Tensor, Tf } from './tf';
import type { WeightSet } from './weights';
import { createYielder, YIELD_INTERVAL_MS } from './yield';

const CHUNK_ROWS = 4096;

export interface Evaluation {
  loss: number;
  /** NaN for regression. */
  accuracy: number;
}

export async function evaluate(
  tf: Tf,
  arch: Architecture,
  params: readonly Tensor[],
  reader: RowReader,
  shape: DataShape,
  samples: number,
): Promise<Evaluation> {
  if (samples <= 0) return { loss: NaN, accuracy: NaN };
  const classification = shape.task === 'classification';
  const yieldIfDue = createYielder(YIELD_INTERVAL_MS);
  let total: Tensor = tf.zeros([2]);
  try {
    for (let start = 0; start < samples; start += CHUNK_ROWS) {
      await yieldIfDue();
      const end = Math.min(samples, start + CHUNK_ROWS);
      const rows = await reader.read(start, end);
      const next = tf.tidy(() => {
        const x = tf.tensor2d(rows.x, [end - start, shape.features]);
        const y = tf.tensor2d(rows.y, [end - start, shape.outputs]);
        const prediction = forward(tf, arch, params, x);
        const loss = batchLoss(tf, shape.task, prediction, y);
        const accuracy = classification ? batchAccuracy(tf, prediction, y) : tf.scalar(0);
        // Weighted by rows so the mean over chunks equals the mean over all rows.
        return total.add(tf.stack([loss, accuracy]).mul(end - start));
      });
      total.dispose();
      total = next;
    }
    const [loss, accuracy] = await total.data();
    return { loss: loss / samples, accuracy: classification ? accuracy / samples : NaN };
  } finally {
    total.dispose();
  }
}

export async function evaluateWeights(
  tf: Tf,
  arch: Architecture,
  weights: WeightSet,
  reader: RowReader,
  shape: DataShape,
  samples: number,
): Promise<Evaluation> {
  const params = weights.values.map((v, i) => tf.tensor(v, weights.shapes[i]));
  try {
    return await evaluate(tf, arch, params, reader, shape, samples);
  } finally {
    tf.dispose(params);
  }
}

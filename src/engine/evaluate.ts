// Runs in worker and Node. The loss of a set of weights over the training rows, computed the same way for
// every mode (so initialLoss is identical across modes and finalLoss is comparable), outside timed regions.
// Rows come through a reader in chunks, so a set that was never materialised is never materialised here.
import type { DataShape, RowReader } from './data/types';
import { forward, meanSquaredError } from './model';
import type { Tensor, Tf } from './tf';
import type { WeightSet } from './weights';

const CHUNK_ROWS = 8192;

export async function evaluateLoss(tf: Tf, weights: WeightSet, reader: RowReader, shape: DataShape, samples: number): Promise<number> {
  const params = weights.values.map((v, i) => tf.tensor(v, weights.shapes[i]));
  let total: Tensor = tf.scalar(0);
  try {
    for (let start = 0; start < samples; start += CHUNK_ROWS) {
      const end = Math.min(samples, start + CHUNK_ROWS);
      const rows = await reader.read(start, end);
      const next = tf.tidy(() => {
        const x = tf.tensor2d(rows.x, [end - start, shape.features]);
        const y = tf.tensor2d(rows.y, [end - start, shape.outputs]);
        // Weighted by rows so the mean over chunks equals the mean over the whole set.
        return total.add(meanSquaredError(tf, forward(tf, params, x), y).mul(end - start));
      });
      total.dispose();
      total = next;
    }
    const [sum] = await total.data();
    return sum / samples;
  } finally {
    total.dispose();
    tf.dispose(params);
  }
}

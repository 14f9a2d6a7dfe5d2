// Runs in worker and Node. The loss of a set of weights over the whole training set, computed the same way for
// every mode (so initialLoss is identical across modes and finalLoss is comparable), outside timed regions.
import type { TrainingData } from './data/types';
import { forward, meanSquaredError } from './model';
import type { Tensor, Tf } from './tf';
import type { WeightSet } from './weights';

const CHUNK_ROWS = 8192;

export async function evaluateLoss(tf: Tf, weights: WeightSet, data: TrainingData): Promise<number> {
  const params = weights.values.map((v, i) => tf.tensor(v, weights.shapes[i]));
  let total: Tensor = tf.scalar(0);
  try {
    for (let start = 0; start < data.samples; start += CHUNK_ROWS) {
      const end = Math.min(data.samples, start + CHUNK_ROWS);
      const next = tf.tidy(() => {
        const x = tf.tensor2d(data.x.subarray(start * data.features, end * data.features), [end - start, data.features]);
        const y = tf.tensor2d(data.y.subarray(start * data.outputs, end * data.outputs), [end - start, data.outputs]);
        // Weighted by rows so the mean over chunks equals the mean over the whole set.
        return total.add(meanSquaredError(tf, forward(tf, params, x), y).mul(end - start));
      });
      total.dispose();
      total = next;
    }
    const [sum] = await total.data();
    return sum / data.samples;
  } finally {
    total.dispose();
    tf.dispose(params);
  }
}

// Runs in worker and Node. A side measurement after the modes (outside every timed region): on wasm with the
// stock kernels, time a few hand-loop training steps of the run's own model with stock and with tuned kernels,
// alternating, so the page can say whether kernels=tuned would matter for this setup and by how much.
import type { KernelProbe } from '../shared/metrics';
import { median } from '../shared/stats';
import { batchLoss, forward, makeOptimizer } from './model';
import type { PreparedRun } from './run';
import type { Tf } from './tf';
import { registerTunedKernels, tunedKernelsRegistered, unregisterTunedKernels } from './wasm-kernels';

/** The probe spends about this long on stock steps (the slower side), with at least 2 and at most 8 per side. */
const PROBE_BUDGET_MS = 600;

export async function probeTunedKernels(tf: Tf, prepared: PreparedRun): Promise<KernelProbe | null> {
  const { config, arch, weights, shape } = prepared;
  if (tunedKernelsRegistered(tf) || arch.layers.some((l) => l.spec.kind === 'conv')) return null;
  const rows = Math.min(config.batchSize, prepared.trainSamples);
  const batch = await prepared.evalReader.read(0, rows);
  const xs = tf.tensor2d(batch.x, [rows, shape.features]);
  const ys = tf.tensor2d(batch.y, [rows, shape.outputs]);
  // A variable shares its initial tensor's data, so the initial tensor is freed at once (as in the loop mode).
  const params = weights.values.map((v, i) => tf.tidy(() => tf.variable(tf.tensor(v, weights.shapes[i]))));
  const optimizer = makeOptimizer(tf, config.optimizer, config.learningRate);
  const step = async (): Promise<number> => {
    const t0 = performance.now();
    const loss = optimizer.minimize(() => batchLoss(tf, shape.task, forward(tf, arch, params, xs), ys), true, params)!;
    await loss.data();
    loss.dispose();
    return performance.now() - t0;
  };
  try {
    await step(); // first use: kernel setup, allocations
    const first = await step();
    const steps = Math.max(2, Math.min(8, Math.floor(PROBE_BUDGET_MS / Math.max(first, 1e-3))));
    const stock: number[] = [first];
    const tuned: number[] = [];
    for (let i = 0; i < steps; i++) {
      registerTunedKernels(tf);
      try {
        if (i === 0) await step(); // the tuned kernels' first use
        tuned.push(await step());
      } finally {
        unregisterTunedKernels(tf);
      }
      if (i > 0) stock.push(await step());
    }
    return { stockMs: median(stock), tunedMs: median(tuned), steps: Math.min(stock.length, tuned.length) };
  } finally {
    tf.dispose([xs, ys, ...params]);
    optimizer.dispose();
  }
}

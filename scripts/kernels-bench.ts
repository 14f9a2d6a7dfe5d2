// What the tuned wasm kernels (src/engine/wasm-kernels) buy a training step. For each Dense MLP it times a hand
// optimizer.minimize step (the `loop` mode's maths) with the stock kernels (A) and the tuned ones (B),
// alternating A B A B … in blocks within one process so drift hits both alike, and prints a markdown table of
// median ms per step and the speedup (with the range of the per-block ratios).
//   npx tsx scripts/kernels-bench.ts              quick: 3 blocks (well under 2 minutes)
//   npx tsx scripts/kernels-bench.ts --blocks 10  steadier
import '@tensorflow/tfjs-backend-wasm';
import { describeArchitecture } from '../src/engine/architecture';
import type { DataShape } from '../src/engine/data/types';
import { batchLoss, forward, makeOptimizer } from '../src/engine/model';
import { median } from '../src/engine/stats';
import { tf, type Tensor } from '../src/engine/tf';
import { registerTunedKernels, unregisterTunedKernels } from '../src/engine/wasm-kernels';
import { DEFAULT_CONFIG } from '../src/shared/config';

/** Measured once on this machine (PyTorch, OpenBLAS, one thread): the default model's step at batch 256. */
const PYTORCH_DEFAULT_BS256_MS = 0.98;
/** Each variant runs about this long per block; steps per block follow from a calibration step. */
const BLOCK_TARGET_MS = 600;

interface Case {
  name: string;
  features: number;
  hidden: readonly number[];
  outputs: number;
  batch: number;
}

const chain = (c: Case) => [c.features, ...c.hidden, c.outputs].join('→');
const DEFAULT_MODEL = { features: DEFAULT_CONFIG.features, hidden: DEFAULT_CONFIG.hidden, outputs: 1 };
const CASES: Case[] = [
  { name: 'default', ...DEFAULT_MODEL, batch: 32 },
  { name: 'default', ...DEFAULT_MODEL, batch: 256 },
  { name: 'wide', features: 256, hidden: [256], outputs: 10, batch: 256 },
  { name: 'mnist-sized', features: 784, hidden: [1024], outputs: 10, batch: 256 },
];

function parseBlocks(): number {
  const i = process.argv.indexOf('--blocks');
  if (i < 0) return 3;
  const blocks = Number(process.argv[i + 1]);
  if (!Number.isInteger(blocks) || blocks < 1 || blocks > 100) {
    console.error('--blocks takes a whole number from 1 to 100');
    process.exit(2);
  }
  return blocks;
}

/** One training step's closure over fixed data, seeded weights and an Adam optimizer, as in modes/loop.ts. */
function trainingStep(c: Case) {
  const task = c.outputs > 1 ? 'classification' : 'regression';
  const shape: DataShape = { samples: c.batch, features: c.features, outputs: c.outputs, task };
  const arch = describeArchitecture({ hidden: c.hidden, model: 'mlp' }, shape);
  const params = arch.weightShapes.map((s, i) => {
    const [fanIn, fanOut] = arch.fans[i >> 1];
    return tf.variable(s.length === 1 ? tf.zeros(s) : tf.randomNormal(s, 0, Math.sqrt(2 / (fanIn + fanOut)), 'float32', i));
  });
  const xs = tf.randomNormal([c.batch, c.features], 0, 1, 'float32', 101);
  const ys =
    task === 'classification'
      ? tf.oneHot(tf.randomUniform([c.batch], 0, c.outputs, 'int32', 102), c.outputs).toFloat()
      : tf.randomNormal([c.batch, 1], 0, 1, 'float32', 103);
  const optimizer = makeOptimizer(tf, 'adam', DEFAULT_CONFIG.learningRate);
  const step = () => {
    const loss = optimizer.minimize(() => batchLoss(tf, task, forward(tf, arch, params, xs), ys), true, params) as Tensor;
    loss.dataSync(); // the loop mode reads the loss back; on wasm this also marks the step's end
    loss.dispose();
  };
  const dispose = () => {
    tf.dispose([...params, xs, ys]);
    optimizer.dispose();
  };
  return { step, dispose };
}

function timeSteps(step: () => void, steps: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    step();
    times.push(performance.now() - t0);
  }
  return times;
}

function useKernels(tuned: boolean) {
  if (tuned) registerTunedKernels(tf);
  else unregisterTunedKernels(tf);
}

interface Row {
  c: Case;
  steps: number;
  stock: number;
  tuned: number;
  blockRatios: number[];
}

function benchCase(c: Case, blocks: number): Row {
  const { step, dispose } = trainingStep(c);
  try {
    // Warm-up of both variants (first-call costs, optimizer slots), then calibrate on the slower stock one.
    useKernels(true);
    timeSteps(step, 2);
    useKernels(false);
    const calibration = median(timeSteps(step, 3));
    const steps = Math.max(5, Math.min(200, Math.round(BLOCK_TARGET_MS / calibration)));
    const stock: number[] = [];
    const tuned: number[] = [];
    const blockRatios: number[] = [];
    for (let b = 0; b < blocks; b++) {
      useKernels(false);
      const a = timeSteps(step, steps);
      useKernels(true);
      const t = timeSteps(step, steps);
      stock.push(...a);
      tuned.push(...t);
      blockRatios.push(median(a) / median(t));
    }
    return { c, steps, stock: median(stock), tuned: median(tuned), blockRatios };
  } finally {
    unregisterTunedKernels(tf);
    dispose();
  }
}

async function main() {
  const blocks = parseBlocks();
  await tf.setBackend('wasm');
  await tf.ready();
  if (tf.getBackend() !== 'wasm') throw new Error(`the wasm backend did not start (running ${tf.getBackend()})`);
  console.log(
    `wasm training step (Adam, optimizer.minimize, loss read back): stock vs tuned kernels, ${blocks} alternating blocks per model\n`,
  );
  const rows: Row[] = [];
  for (const c of CASES) {
    const row = benchCase(c, blocks);
    rows.push(row);
    console.error(`  done: ${chain(c)} batch ${c.batch}`);
  }
  const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  console.log('| model | batch | steps × blocks | stock ms/step | tuned ms/step | speedup | per-block speedups |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const { c, steps, stock, tuned, blockRatios } of rows) {
    const range = `${Math.min(...blockRatios).toFixed(2)}–${Math.max(...blockRatios).toFixed(2)}×`;
    console.log(
      `| ${chain(c)} | ${c.batch} | ${steps} × ${blocks} | ${fmt(stock)} | ${fmt(tuned)} | ${(stock / tuned).toFixed(2)}× | ${range} |`,
    );
  }
  const reference = rows.find((r) => r.c.name === 'default' && r.c.batch === 256)!;
  const vs = (ms: number) => `${(ms / PYTORCH_DEFAULT_BS256_MS).toFixed(2)}×`;
  console.log(
    `\n${chain(reference.c)} at batch 256 vs native PyTorch (OpenBLAS, 1 thread): ${PYTORCH_DEFAULT_BS256_MS} ms ` +
      `(a constant measured once on this machine, not rerun here): stock wasm ${fmt(reference.stock)} ms = ${vs(reference.stock)} its time, ` +
      `tuned ${fmt(reference.tuned)} ms = ${vs(reference.tuned)}.`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// The tuned wasm kernels: the same numbers as tfjs' cpu backend on random shapes, nothing left behind (tensors
// or wasm data ids), a clean swap in and out of the registry, the backend check following the swap, a CNN that
// trains on wasm, and the pasteable source text doing all of it in a plain Node process.
import '@tensorflow/tfjs-backend-wasm';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeAssets } from '../../src/cli/node-assets';
import { activateBackend } from '../../src/engine/backend';
import { kernelsFor } from '../../src/engine/kernels';
import { runExperiment } from '../../src/engine/run';
import { registerTunedKernels, tunedKernelsRegistered, unregisterTunedKernels } from '../../src/engine/wasm-kernels';
import { tunedKernelSource } from '../../src/codegen/tuned-kernels-source';
import type { BatchMetric } from '../../src/shared/metrics';
import { smallConfig, tf } from './helpers';
import { rowToMetric } from '../../src/shared/metric-row';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Values = { values: Float32Array; shape: number[] };
type Attrs = Record<string, unknown>;
interface KernelBackend {
  write(values: Float32Array, shape: number[], dtype: string): object;
  readSync(dataId: object): Float32Array;
  disposeData(dataId: object): void;
  numDataIds(): number;
}

/** Seeded values in [-1, 1) (mulberry32), so a failing case replays from fast-check's seed. */
function randomValues(shape: number[], seed: number): Values {
  let a = seed >>> 0;
  const values = new Float32Array(shape.reduce((p, n) => p * n, 1)).map(() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  });
  return { values, shape };
}

/** Runs a kernel function straight on a backend's data, as the engine would, and reads the result back. */
function runKernelOn(backendName: string, kernelName: string, inputs: Record<string, Values>, attrs: Attrs): Values {
  const backend = tf.engine().findBackend(backendName) as unknown as KernelBackend;
  const infos = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, { dataId: backend.write(v.values, v.shape, 'float32'), shape: v.shape, dtype: 'float32' }]),
  );
  const kernel = tf.getKernel(kernelName, backendName);
  if (!kernel) throw new Error(`${backendName} has no ${kernelName}`);
  const out = kernel.kernelFunc({ inputs: infos as never, backend, attrs: attrs as never }) as { dataId: object; shape: number[] };
  const result = { values: Float32Array.from(backend.readSync(out.dataId)), shape: [...out.shape] };
  for (const info of [...Object.values(infos), out]) backend.disposeData(info.dataId);
  return result;
}

/** Runs a kernel on wasm through the engine and checks that no tensor and no wasm data id outlives it. */
function runOnWasm(kernelName: string, inputs: Record<string, Values>, attrs: Attrs): Values {
  const backend = tf.engine().findBackend('wasm') as unknown as KernelBackend;
  const tensorsBefore = tf.memory().numTensors;
  const idsBefore = backend.numDataIds();
  const result = tf.tidy(() => {
    const tensors = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape)]));
    const out = tf.engine().runKernel(kernelName, tensors, attrs as never) as tf.Tensor;
    return { values: Float32Array.from(out.dataSync() as Float32Array), shape: [...out.shape] };
  });
  expect(tf.memory().numTensors).toBe(tensorsBefore);
  expect(backend.numDataIds()).toBe(idsBefore);
  return result;
}

function expectClose(actual: Values, expected: Values, tolerance = 1e-4) {
  expect(actual.shape).toEqual(expected.shape);
  let worst = 0;
  actual.values.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - expected.values[i]) / (1 + Math.abs(expected.values[i])))));
  expect(worst).toBeLessThan(tolerance);
}

/** A 2-D or batched operand of logical shape rows×cols, stored transposed when `transposed`. */
const operand = (batch: number[], rows: number, cols: number, transposed: boolean) => [
  ...batch,
  ...(transposed ? [cols, rows] : [rows, cols]),
];

// Batch dims as the stock kernels support them: none, equal, or one side 1 / absent (broadcast).
const batchPairs = fc.oneof(
  fc.constant<[number[], number[]]>([[], []]),
  fc.integer({ min: 1, max: 4 }).map((n): [number[], number[]] => [[n], [n]]),
  fc.integer({ min: 2, max: 4 }).map((n): [number[], number[]] => [[n], [1]]),
  fc.integer({ min: 2, max: 4 }).map((n): [number[], number[]] => [[1], [n]]),
  fc.integer({ min: 2, max: 4 }).map((n): [number[], number[]] => [[n], []]),
  fc.integer({ min: 2, max: 3 }).map((n): [number[], number[]] => [
    [2, n],
    [2, n],
  ]),
  fc.integer({ min: 2, max: 3 }).map((n): [number[], number[]] => [[2, n], []]),
  fc.integer({ min: 2, max: 3 }).map((n): [number[], number[]] => [[n], [1, 1]]),
);
const dim = fc.integer({ min: 1, max: 24 });
const products = fc.record({
  batches: batchPairs,
  m: dim,
  k: dim,
  n: dim,
  transposeA: fc.boolean(),
  transposeB: fc.boolean(),
  seed: fc.integer(),
});

describe('tuned wasm kernels', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    tf.engine().findBackend('cpu'); // initialised once, for the reference results
    registerTunedKernels(tf);
  });
  afterAll(() => unregisterTunedKernels(tf));

  it('BatchMatMul matches the cpu backend for every transpose combination, batched and broadcast', () => {
    fc.assert(
      fc.property(products, ({ batches: [batchA, batchB], m, k, n, transposeA, transposeB, seed }) => {
        const inputs = {
          a: randomValues(operand(batchA, m, k, transposeA), seed),
          b: randomValues(operand(batchB, k, n, transposeB), seed + 1),
        };
        const attrs = { transposeA, transposeB };
        expectClose(runOnWasm('BatchMatMul', inputs, attrs), runKernelOn('cpu', 'BatchMatMul', inputs, attrs));
      }),
      { numRuns: 60 },
    );
  });

  it('_FusedMatMul keeps bias and activation (relu, prelu) while it transposes', () => {
    const fused = products.chain((p) =>
      fc.record({ p: fc.constant(p), activation: fc.constantFrom('relu', 'linear', 'prelu', 'leakyrelu') }),
    );
    fc.assert(
      fc.property(fused, fc.boolean(), ({ p: { batches, m, k, n, transposeA, transposeB, seed }, activation }, shared) => {
        // The fused kernels take rank-3 operands (tf.fused.matMul reshapes to them). The stock wasm kernel adds
        // the bias wrongly when b has a batch over 1 (tfjs-backend-wasm 4.22, transposed or not); the tuned one
        // folds a batch against one shared b into batch 1, which also gets the bias right. Both batched: no bias.
        const batch = Math.max(batches[0][0] ?? 1, 1);
        const bBatch = shared ? 1 : batch;
        const inputs: Record<string, Values> = {
          a: randomValues(operand([batch], m, k, transposeA), seed),
          b: randomValues(operand([bBatch], k, n, transposeB), seed + 1),
        };
        if (bBatch === 1) inputs.bias = randomValues([n], seed + 2);
        if (activation === 'prelu') inputs.preluActivationWeights = randomValues([n], seed + 3);
        const attrs = { transposeA, transposeB, activation, leakyreluAlpha: 0.2 };
        const expected = runKernelOn('cpu', '_FusedMatMul', inputs, attrs);
        const actual = runOnWasm('_FusedMatMul', inputs, attrs);
        expectClose(actual, expected);
        if (activation === 'relu') expect(actual.values.every((v) => v >= 0)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('really takes the transposed operands, and a batch against one matrix, through the stock fast path', () => {
    const stock = tf.getKernel('BatchMatMul', 'wasm') as tf.KernelConfig & Record<symbol, tf.KernelConfig>;
    const original = stock[Symbol.for('tfjs-wasm-tuned-kernels.replaced')];
    const seen: unknown[] = [];
    const spy = {
      ...original,
      kernelFunc: (args: Parameters<tf.KernelFunc>[0]) => (
        seen.push({ ...args.attrs, batchA: args.inputs.a!.shape.slice(0, -2) }),
        original.kernelFunc(args)
      ),
    };
    unregisterTunedKernels(tf);
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel(spy);
    try {
      registerTunedKernels(tf);
      tf.tidy(() => tf.matMul(tf.ones([3, 4]), tf.ones([5, 4]), false, true));
      tf.tidy(() => tf.matMul(tf.ones([6, 3, 4]), tf.ones([4, 5])));
      expect(seen).toEqual([
        { transposeA: false, transposeB: false, batchA: [] },
        { transposeA: false, transposeB: false, batchA: [1] },
      ]);
    } finally {
      unregisterTunedKernels(tf);
      tf.unregisterKernel('BatchMatMul', 'wasm');
      tf.registerKernel(original);
      registerTunedKernels(tf);
    }
  });

  // 'valid', 'same', one number for all sides, or explicit [top, bottom] / [left, right] (NHWC only: tfjs
  // reads explicit padding in NHWC positions).
  const padding = fc.oneof(
    fc.constantFrom<'valid' | 'same'>('valid', 'same'),
    fc.integer({ min: 0, max: 2 }),
    fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(2)).map(
      ([t, b, l, r]) =>
        [
          [0, 0],
          [t, b],
          [l, r],
          [0, 0],
        ] as const,
    ),
  );
  const convs = fc.record({
    batch: fc.integer({ min: 1, max: 3 }),
    height: fc.integer({ min: 1, max: 11 }),
    width: fc.integer({ min: 1, max: 11 }),
    inChannels: fc.integer({ min: 1, max: 4 }),
    outChannels: fc.integer({ min: 1, max: 4 }),
    kh: fc.integer({ min: 1, max: 4 }),
    kw: fc.integer({ min: 1, max: 4 }),
    strides: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    pad: padding,
    rounding: fc.constantFrom(undefined, 'floor', 'round', 'ceil'),
    nchw: fc.boolean(),
    seed: fc.integer(),
  });

  type ConvDraw = typeof convs extends fc.Arbitrary<infer T> ? T : never;

  /** The forward conv's shape information, or null when the case has no output (the op would refuse it). */
  function convCase(c: ConvDraw, dilations: [number, number] = [1, 1]) {
    const nchw = c.nchw && !Array.isArray(c.pad);
    const rounding = typeof c.pad === 'number' ? c.rounding : undefined;
    const xShape = nchw ? [c.batch, c.inChannels, c.height, c.width] : [c.batch, c.height, c.width, c.inChannels];
    const filterShape: [number, number, number, number] = [c.kh, c.kw, c.inChannels, c.outChannels];
    const info = tf.backend_util.computeConv2DInfo(
      xShape as never,
      filterShape,
      c.strides,
      dilations,
      c.pad as never,
      rounding,
      false,
      nchw ? 'channelsFirst' : 'channelsLast',
    );
    if (info.outHeight < 1 || info.outWidth < 1) return null;
    const dyShape = nchw
      ? [c.batch, c.outChannels, info.outHeight, info.outWidth]
      : [c.batch, info.outHeight, info.outWidth, c.outChannels];
    const inputs = { x: randomValues(xShape, c.seed), dy: randomValues(dyShape, c.seed + 1) };
    const attrs = { strides: c.strides, pad: c.pad, dataFormat: nchw ? 'NCHW' : 'NHWC', dimRoundingMode: rounding, filterShape, dilations };
    return { inputs, attrs, info, nchw };
  }

  it('Conv2DBackpropFilter matches the cpu backend: strides, same/valid/explicit padding, rounding, NHWC and NCHW', () => {
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    let checked = 0;
    fc.assert(
      fc.property(convs, (c) => {
        const conv = convCase(c);
        if (!conv) return;
        checked++;
        expectClose(
          runOnWasm('Conv2DBackpropFilter', conv.inputs, conv.attrs),
          runKernelOn('cpu', 'Conv2DBackpropFilter', conv.inputs, conv.attrs),
        );
      }),
      { numRuns: 80 },
    );
    expect(checked).toBeGreaterThan(40);
  });

  /** dW[kh][kw][ci][co] = Σ x[b][oh·sh + kh·dh − top][ow·sw + kw·dw − left][ci] · dy[b][oh][ow][co], NHWC. */
  function filterGradByLoops(conv: NonNullable<ReturnType<typeof convCase>>): Values {
    const { x, dy } = conv.inputs;
    const {
      batchSize,
      inHeight,
      inWidth,
      inChannels,
      outChannels,
      outHeight,
      outWidth,
      filterHeight,
      filterWidth,
      strideHeight,
      strideWidth,
      dilationHeight,
      dilationWidth,
      padInfo,
    } = conv.info;
    const out = new Float32Array(filterHeight * filterWidth * inChannels * outChannels);
    for (let kh = 0; kh < filterHeight; kh++)
      for (let kw = 0; kw < filterWidth; kw++)
        for (let ci = 0; ci < inChannels; ci++)
          for (let co = 0; co < outChannels; co++) {
            let sum = 0;
            for (let b = 0; b < batchSize; b++)
              for (let oh = 0; oh < outHeight; oh++)
                for (let ow = 0; ow < outWidth; ow++) {
                  const ih = oh * strideHeight + kh * dilationHeight - padInfo.top;
                  const iw = ow * strideWidth + kw * dilationWidth - padInfo.left;
                  if (ih < 0 || ih >= inHeight || iw < 0 || iw >= inWidth) continue;
                  sum +=
                    x.values[((b * inHeight + ih) * inWidth + iw) * inChannels + ci] *
                    dy.values[((b * outHeight + oh) * outWidth + ow) * outChannels + co];
                }
            out[((kh * filterWidth + kw) * inChannels + ci) * outChannels + co] = sum;
          }
    return { values: out, shape: [filterHeight, filterWidth, inChannels, outChannels] };
  }

  it('Conv2DBackpropFilter honours dilations (checked against plain loops: the cpu kernel has no dilations)', () => {
    let checked = 0;
    fc.assert(
      fc.property(convs, fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), (c, dilations) => {
        // tfjs allows dilations > 1 only with stride 1.
        const conv = convCase({ ...c, strides: [1, 1], nchw: false }, dilations);
        if (!conv) return;
        checked++;
        expectClose(runOnWasm('Conv2DBackpropFilter', conv.inputs, conv.attrs), filterGradByLoops(conv));
      }),
      { numRuns: 40 },
    );
    expect(checked).toBeGreaterThan(15);
  });

  it('refuses a dy that does not fit x and the filter, with a message that says so', () => {
    const inputs = { x: randomValues([1, 5, 5, 1], 1), dy: randomValues([1, 2, 2, 1], 2) };
    expect(() =>
      runOnWasm('Conv2DBackpropFilter', inputs, { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, 1, 1] }),
    ).toThrow(/dy has shape \[1,2,2,1\], expected \[1,3,3,1\]/);
  });
});

describe('registering and unregistering', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it('is idempotent and restores the exact stock kernel configs', () => {
    unregisterTunedKernels(tf);
    const stockMatMul = tf.getKernel('BatchMatMul', 'wasm')!;
    const stockFused = tf.getKernel('_FusedMatMul', 'wasm')!;
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(tunedKernelsRegistered(tf)).toBe(false);

    registerTunedKernels(tf);
    const tuned = tf.getKernel('BatchMatMul', 'wasm')!;
    expect(tuned.kernelFunc).not.toBe(stockMatMul.kernelFunc);
    expect(tuned.setupFunc).toBe(stockMatMul.setupFunc); // the XNNPACK binding still gets set up
    expect(tf.getKernel('_FusedMatMul', 'wasm')!.kernelFunc).not.toBe(stockFused.kernelFunc);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(tunedKernelsRegistered(tf)).toBe(true);

    registerTunedKernels(tf);
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(tuned);

    unregisterTunedKernels(tf);
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(stockMatMul);
    expect(tf.getKernel('BatchMatMul', 'wasm')!.kernelFunc).toBe(stockMatMul.kernelFunc);
    expect(tf.getKernel('_FusedMatMul', 'wasm')).toBe(stockFused);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    unregisterTunedKernels(tf); // a second call changes nothing
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(stockMatMul);
  });

  it('the backend check refuses wasm for a CNN without the tuned kernels and accepts it with them', async () => {
    const cnn = smallConfig({ dataset: 'mnist', model: 'cnn' });
    unregisterTunedKernels(tf);
    await expect(activateBackend(tf, 'wasm', {}, ['wasm', 'cpu'], kernelsFor(cnn))).rejects.toThrow(/no Conv2DBackpropFilter kernel/);
    registerTunedKernels(tf);
    try {
      expect((await activateBackend(tf, 'wasm', {}, ['wasm', 'cpu'], kernelsFor(cnn))).active).toBe('wasm');
    } finally {
      unregisterTunedKernels(tf);
    }
  });

  it('says what to import when the wasm kernels are missing', () => {
    const transpose = tf.getKernel('Transpose', 'wasm')!;
    tf.unregisterKernel('Transpose', 'wasm');
    try {
      expect(() => registerTunedKernels(tf)).toThrow(/wasm backend's Transpose kernel: import '@tensorflow\/tfjs-backend-wasm' first/);
      expect(tunedKernelsRegistered(tf)).toBe(false);
    } finally {
      tf.registerKernel(transpose);
    }
  });
});

describe('a CNN on wasm', () => {
  it('trains with the tuned kernels: the loss falls in fit and in the hand loop, and nothing leaks', async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    registerTunedKernels(tf);
    try {
      const config = smallConfig({
        dataset: 'mnist',
        model: 'cnn',
        samples: 1024,
        hidden: [32],
        batchSize: 32,
        epochs: 1,
        modes: ['fit', 'loop'],
        backend: 'wasm',
      });
      const metrics: BatchMetric[] = [];
      const result = await runExperiment(tf, config, 'wasm', {
        signal: { stopped: false },
        onBatch: (row) => metrics.push(rowToMetric(row)),
        assets: nodeAssets(),
      });
      for (const mode of ['fit', 'loop'] as const) {
        const losses = metrics.filter((m) => m.mode === mode).map((m) => m.loss);
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        expect(losses.length).toBe(32);
        expect(losses.every(Number.isFinite)).toBe(true);
        expect(mean(losses.slice(-8))).toBeLessThan(0.75 * mean(losses.slice(0, 4)));
      }
      const [fit, loop] = result.summaries;
      expect(loop.finalLoss).toBeCloseTo(fit.finalLoss, 2);
      expect(fit.leakedTensors + loop.leakedTensors).toBe(0);
    } finally {
      unregisterTunedKernels(tf);
    }
  }, 240_000);
});

describe('tunedKernelSource()', () => {
  it('is a standalone module that imports only tfjs and the wasm backend, and evaluates nothing', () => {
    const source = tunedKernelSource();
    expect([...source.matchAll(/^import .*?'([^']+)';$/gm)].map((m) => m[1])).toEqual([
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-wasm',
    ]);
    expect(source).not.toMatch(/\beval\s*\(|new Function/);
    const spliced = tunedKernelSource({ standalone: false });
    expect(spliced).not.toMatch(/^import /m);
    expect(spliced).toContain('registerTunedWasmKernels(tf);');
  });

  it('and this module recognise each other: neither wraps the other, either one restores the stock kernels', async () => {
    await tf.setBackend('wasm');
    // Test code only: the app never evaluates the text (its policy forbids it).
    const pasted = new Function('tf', `${tunedKernelSource({ standalone: false })}\nreturn { unregisterTunedWasmKernels };`) as (
      t: typeof tf,
    ) => { unregisterTunedWasmKernels(t: typeof tf): void };
    unregisterTunedKernels(tf);
    const stock = tf.getKernel('BatchMatMul', 'wasm');
    registerTunedKernels(tf);
    const ours = tf.getKernel('BatchMatMul', 'wasm');
    const { unregisterTunedWasmKernels } = pasted(tf); // registers on evaluation
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(ours);
    unregisterTunedWasmKernels(tf);
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(stock);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    pasted(tf);
    expect(tunedKernelsRegistered(tf)).toBe(true);
    unregisterTunedKernels(tf);
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(stock);
  });

  it('registers, computes and unregisters the same way when run as pasted, in a plain Node process', async () => {
    // The harness runs after the pasted module's own top-level code, which registers the kernels before the
    // wasm backend starts: the stock setup hooks (XNNPACK bindings) must still run through the tuned configs.
    const harness = `
await tf.setBackend('wasm');
await tf.ready();
const wasm = tf.engine().findBackend('wasm');
const stock = tf.getKernel('BatchMatMul', 'wasm')[Symbol.for('tfjs-wasm-tuned-kernels.replaced')];
registerTunedWasmKernels(tf);
const once = tf.getKernel('BatchMatMul', 'wasm') === tf.getKernel('BatchMatMul', 'wasm')[Symbol.for('tfjs-wasm-tuned-kernels.replaced')] ? 'wrapped twice' : 'once';
const x = tf.randomNormal([3, 9, 8, 2], 0, 1, 'float32', 1), dy = tf.randomNormal([3, 5, 3, 5], 0, 1, 'float32', 2);
const a = tf.randomNormal([2, 7, 6], 0, 1, 'float32', 3), b = tf.randomNormal([2, 5, 7], 0, 1, 'float32', 4), c = tf.randomNormal([7, 4], 0, 1, 'float32', 5);
const attrs = { strides: [2, 3], pad: 'same', dataFormat: 'NHWC', filterShape: [3, 2, 2, 5] };
const ids = wasm.numDataIds();
const tuned = [tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs).arraySync(), tf.matMul(a, b, true, true).arraySync(), tf.matMul(a, c, true).arraySync()];
const leaked = wasm.numDataIds() - ids - 3;
unregisterTunedWasmKernels(tf);
const restored = tf.getKernel('BatchMatMul', 'wasm') === stock && !tf.getKernel('Conv2DBackpropFilter', 'wasm');
await tf.setBackend('cpu');
const reference = [tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs).arraySync(), tf.matMul(a, b, true, true).arraySync(), tf.matMul(a, c, true).arraySync()];
const diff = Math.max(...tuned.flat(4).map((v, i) => Math.abs(v - reference.flat(4)[i])));
console.log(JSON.stringify({ once, leaked, restored, diff, count: tuned.flat(4).length }));
`;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`exit ${code}: ${stderr}`))));
      child.stdin.end(tunedKernelSource() + harness);
    });
    const report = JSON.parse(out.trim().split('\n').pop()!);
    expect(report).toMatchObject({ once: 'once', leaked: 0, restored: true, count: 3 * 2 * 2 * 5 + 2 * 6 * 5 + 2 * 6 * 4 });
    expect(report.diff).toBeLessThan(1e-4);
  }, 60_000);
});

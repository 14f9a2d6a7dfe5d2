// Runs everywhere (pure text; imports nothing: the code view emits it, src/engine/wasm-kernels runs the same algorithm). The tuned wasm
// kernels as JavaScript a user can paste into their own app: the same algorithm as matmul.ts,
// conv2d-backprop-filter.ts and register.ts, written against tfjs' public API only, and sharing register.ts'
// registry symbol so the two never wrap each other. tests/engine/wasm-kernels.test.ts runs this text in Node
// and checks it against the cpu backend. The app itself never evaluates it.

// Package names kept out of import-shaped literals, like src/codegen/tfjs-code.ts does.
const TFJS = '@tensorflow/tfjs';

const HEADER = `// Tuned kernels for @tensorflow/tfjs-backend-wasm 4.22 (from fitscope).
// - BatchMatMul and _FusedMatMul: the stock kernels use XNNPACK only for one matrix pair with neither operand
//   transposed; otherwise a plain loop runs, several times slower, and training (backprop) multiplies by
//   transposed matrices all the time. These transpose the operand first, then run the stock kernel, and fold a
//   batch of matrices times one shared matrix into a single product.
// - Conv2DBackpropFilter: wasm has none, so a CNN cannot train there; this one is built from wasm's own
//   Transpose, PadV2, StridedSlice, Concat, Reshape and BatchMatMul kernels.
// registerTunedWasmKernels(tf) is idempotent; unregisterTunedWasmKernels(tf) puts the stock kernels back.`;

const BODY = `const TUNED_REPLACED = Symbol.for('tfjs-wasm-tuned-kernels.replaced');
const TUNED_NAMES = ['BatchMatMul', '_FusedMatMul', 'Conv2DBackpropFilter'];

function registerTunedWasmKernels(tf) {
  const isTuned = (config) => config !== undefined && TUNED_REPLACED in config;
  const stockKernel = (name) => {
    const current = tf.getKernel(name, 'wasm');
    return isTuned(current) ? current[TUNED_REPLACED] ?? undefined : current;
  };
  const need = (name) => {
    const config = stockKernel(name);
    if (!config) throw new Error('Tuned wasm kernels need the wasm backend\\'s ' + name + " kernel: import '${TFJS}-backend-wasm' first");
    return config;
  };
  const stock = {
    batchMatMul: need('BatchMatMul'),
    fusedMatMul: need('_FusedMatMul'),
    transpose: need('Transpose'),
    reshape: need('Reshape'),
    padV2: need('PadV2'),
    stridedSlice: need('StridedSlice'),
    concat: need('Concat'),
  };
  // Kernels run below the tensor layer: every intermediate is a backend data id to free by hand.
  const call = (kernel, backend, inputs, attrs = {}) => kernel.kernelFunc({ inputs, backend, attrs });
  const free = (backend, infos) => infos.forEach((info) => backend.disposeData(info.dataId));

  // Swaps the last two axes; when one of them is 1 a reshape (no copy) does it.
  function swapLastTwo(backend, x) {
    const rank = x.shape.length;
    const rows = x.shape[rank - 2];
    const cols = x.shape[rank - 1];
    if (rows === 1 || cols === 1) return call(stock.reshape, backend, { x }, { shape: [...x.shape.slice(0, -2), cols, rows] });
    const perm = [...x.shape.keys()];
    perm[rank - 2] = rank - 1;
    perm[rank - 1] = rank - 2;
    return call(stock.transpose, backend, { x }, { perm });
  }

  // Transposes the flagged operands, then runs the stock kernel untransposed (bias, activation and prelu
  // weights pass through). A stack of matrices times one shared matrix becomes one tall product: the stock
  // kernels run XNNPACK only for batch 1.
  const size = (shape) => shape.reduce((p, n) => p * n, 1);
  function fastPath(original) {
    return ({ inputs, backend, attrs = {} }) => {
      const { a, b, preluActivationWeights: prelu } = inputs;
      const made = [];
      const keep = (info) => (made.push(info), info);
      try {
        const plainA = attrs.transposeA ? keep(swapLastTwo(backend, a)) : a;
        const plainB = attrs.transposeB ? keep(swapLastTwo(backend, b)) : b;
        const plainAttrs = { ...attrs, transposeA: false, transposeB: false };
        const aLead = plainA.shape.slice(0, -2);
        if (size(aLead) > 1 && size(plainB.shape.slice(0, -2)) === 1 && (!prelu || prelu.shape.length <= 1)) {
          const [m, k] = plainA.shape.slice(-2);
          const n = plainB.shape[plainB.shape.length - 1];
          const lead = [...new Array(Math.max(0, plainB.shape.length - plainA.shape.length)).fill(1), ...aLead];
          const rows = keep(call(stock.reshape, backend, { x: plainA }, { shape: [1, size(aLead) * m, k] }));
          const matrix = keep(call(stock.reshape, backend, { x: plainB }, { shape: [1, k, n] }));
          const product = keep(original.kernelFunc({ inputs: { ...inputs, a: rows, b: matrix }, backend, attrs: plainAttrs }));
          return call(stock.reshape, backend, { x: product }, { shape: [...lead, m, n] });
        }
        return original.kernelFunc({ inputs: { ...inputs, a: plainA, b: plainB }, backend, attrs: plainAttrs });
      } finally {
        free(backend, made);
      }
    };
  }

  // The filter gradient as one product: each filter tap (kh, kw) is a strided slice of the padded input with
  // channels first, [Ci, B, OH, OW]; stacked, they form the patch matrix [KH*KW*Ci, B*OH*OW] in the filter's
  // own row order, and patches x dy [B*OH*OW, Co] is the gradient [KH, KW, Ci, Co].
  function conv2dBackpropFilter({ inputs, backend, attrs = {} }) {
    const { x, dy } = inputs;
    const { strides, pad, dataFormat = 'NHWC', dimRoundingMode, filterShape, dilations = 1 } = attrs;
    const name = 'Conv2DBackpropFilter (tuned wasm kernel)';
    if (x.shape.length !== 4 || dy.shape.length !== 4 || !filterShape || filterShape.length !== 4) {
      throw new Error(name + ': x and dy must be rank 4 and filterShape have 4 entries');
    }
    const channelsLast = dataFormat !== 'NCHW';
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, dilations, pad, dimRoundingMode, false,
      tf.backend_util.convertConv2DDataFormat(dataFormat));
    const { batchSize: batch, inChannels, outChannels, inHeight, inWidth, outHeight, outWidth, filterHeight, filterWidth } = info;
    const expected = channelsLast ? [batch, outHeight, outWidth, outChannels] : [batch, outChannels, outHeight, outWidth];
    if (dy.shape.some((n, i) => n !== expected[i])) {
      throw new Error(name + ': dy has shape [' + dy.shape + '], expected [' + expected + ']');
    }
    const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
    const { top, left } = info.padInfo;
    const made = [];
    const keep = (info) => (made.push(info), info);
    try {
      let image = keep(call(stock.transpose, backend, { x }, { perm: channelsLast ? [3, 0, 1, 2] : [1, 0, 2, 3] }));
      // Pad only what the taps read (with dimRoundingMode 'ceil' the last window may pass the declared padding).
      const bottom = Math.max(0, (outHeight - 1) * sh + (filterHeight - 1) * dh + 1 - top - inHeight);
      const right = Math.max(0, (outWidth - 1) * sw + (filterWidth - 1) * dw + 1 - left - inWidth);
      if (top || bottom || left || right) {
        image = keep(call(stock.padV2, backend, { x: image }, { paddings: [[0, 0], [0, 0], [top, bottom], [left, right]], constantValue: 0 }));
      }
      const taps = [];
      for (let kh = 0; kh < filterHeight; kh++) {
        for (let kw = 0; kw < filterWidth; kw++) {
          const begin = [0, 0, kh * dh, kw * dw];
          const end = [inChannels, batch, begin[2] + (outHeight - 1) * sh + 1, begin[3] + (outWidth - 1) * sw + 1];
          const sliceAttrs = { begin, end, strides: [1, 1, sh, sw], beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0 };
          taps.push(keep(call(stock.stridedSlice, backend, { x: image }, sliceAttrs)));
        }
      }
      const stacked = keep(call(stock.concat, backend, taps, { axis: 0 }));
      const samples = batch * outHeight * outWidth;
      const patches = keep(call(stock.reshape, backend, { x: stacked }, { shape: [filterHeight * filterWidth * inChannels, samples] }));
      const dyLast = channelsLast ? dy : keep(call(stock.transpose, backend, { x: dy }, { perm: [0, 2, 3, 1] }));
      const dyMatrix = keep(call(stock.reshape, backend, { x: dyLast }, { shape: [samples, outChannels] }));
      const gradient = keep(call(stock.batchMatMul, backend, { a: patches, b: dyMatrix }, { transposeA: false, transposeB: false }));
      return call(stock.reshape, backend, { x: gradient }, { shape: [...filterShape] });
    } finally {
      free(backend, made);
    }
  }

  // Each tuned config keeps the one it replaced (null for a kernel wasm lacks), and its setup/dispose hooks.
  function install(name, kernelFunc) {
    const current = tf.getKernel(name, 'wasm');
    if (isTuned(current)) return;
    if (current) tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...current, kernelName: name, backendName: 'wasm', kernelFunc, [TUNED_REPLACED]: current ?? null });
  }
  install('BatchMatMul', fastPath(stock.batchMatMul));
  install('_FusedMatMul', fastPath(stock.fusedMatMul));
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) install('Conv2DBackpropFilter', conv2dBackpropFilter);
}

function unregisterTunedWasmKernels(tf) {
  for (const name of TUNED_NAMES) {
    const current = tf.getKernel(name, 'wasm');
    if (current === undefined || !(TUNED_REPLACED in current)) continue;
    tf.unregisterKernel(name, 'wasm');
    if (current[TUNED_REPLACED]) tf.registerKernel(current[TUNED_REPLACED]);
  }
}`;

export interface TunedKernelSourceOptions {
  /**
   * true (default): a complete ES module that imports tfjs and the wasm backend, registers the kernels and
   * exports registerTunedWasmKernels / unregisterTunedWasmKernels. false: the declarations and the
   * registering call only, for splicing into a module that already has `tf` in scope and imports the wasm backend.
   */
  standalone?: boolean;
}

/** JavaScript that registers the tuned wasm kernels in any app, depending only on tfjs' public API. */
export function tunedKernelSource({ standalone = true }: TunedKernelSourceOptions = {}): string {
  const call = 'registerTunedWasmKernels(tf);';
  if (!standalone) return `${HEADER}\n${BODY}\n\n${call}\n`;
  const imports = `import * as tf from '${TFJS}';\nimport '${TFJS}-backend-wasm';`;
  return `${HEADER}\n${imports}\n\n${BODY}\n\n${call}\n\nexport { registerTunedWasmKernels, unregisterTunedWasmKernels };\n`;
}

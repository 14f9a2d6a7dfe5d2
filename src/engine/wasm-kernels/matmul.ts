// Runs in worker and Node. Matrix products for tfjs-backend-wasm 4.22 that stay on its fast path: the stock
// kernels run XNNPACK only for one matrix pair (batch 1) with neither operand transposed. A transposed operand
// falls back to a plain loop 7-11× slower at 256³, and so does any batch over 1 (NOTES.md, "wasm: where the
// time goes"). Dense backprop is made of transposed products, so the flagged operands are transposed first (one
// cheap copy each) and the stock kernel runs untransposed; a batch against one shared matrix is folded into a
// single tall product.
import { call, free, swapLastTwo, type KernelFunc, type StockKernels, type TensorInfo } from './kernel-calls';

const size = (shape: readonly number[]) => shape.reduce((p, n) => p * n, 1);

/**
 * A stack of matrices times one matrix ([..., M, K] · [K, N], b's batch axes all 1) is one [B·M, K] · [K, N]
 * product, which XNNPACK runs. Not with per-element prelu weights, which would need the same folding.
 */
function foldable(a: TensorInfo, b: TensorInfo, prelu: TensorInfo | undefined): boolean {
  return size(a.shape.slice(0, -2)) > 1 && size(b.shape.slice(0, -2)) === 1 && (!prelu || prelu.shape.length <= 1);
}

/**
 * Runs `original` with transposeA/transposeB cleared after transposing those operands, folding the batch when
 * it can. Other inputs (bias, prelu weights) and attributes (activation, leakyreluAlpha) pass through.
 */
function fastPath(stock: StockKernels, original: StockKernels['batchMatMul']): KernelFunc {
  return ({ inputs, backend, attrs = {} }) => {
    const { transposeA, transposeB } = attrs as { transposeA?: boolean; transposeB?: boolean };
    const { a, b, preluActivationWeights } = inputs as { a: TensorInfo; b: TensorInfo; preluActivationWeights?: TensorInfo };
    const made: TensorInfo[] = [];
    const keep = (t: TensorInfo) => (made.push(t), t);
    try {
      const plainA = transposeA ? keep(swapLastTwo(stock, backend, a)) : a;
      const plainB = transposeB ? keep(swapLastTwo(stock, backend, b)) : b;
      const plainAttrs = { ...attrs, transposeA: false, transposeB: false };
      if (foldable(plainA, plainB, preluActivationWeights)) {
        const [m, k] = plainA.shape.slice(-2);
        const n = plainB.shape[plainB.shape.length - 1];
        const aLead = plainA.shape.slice(0, -2);
        // b's leading axes are all 1: the output takes a's, widened to b's rank.
        const lead = [...new Array<number>(Math.max(0, plainB.shape.length - plainA.shape.length)).fill(1), ...aLead];
        const rows = keep(call(stock.reshape, backend, { x: plainA }, { shape: [1, size(aLead) * m, k] }));
        const matrix = keep(call(stock.reshape, backend, { x: plainB }, { shape: [1, k, n] }));
        const product = keep(original.kernelFunc({ inputs: { ...inputs, a: rows, b: matrix }, backend, attrs: plainAttrs }) as TensorInfo);
        return call(stock.reshape, backend, { x: product }, { shape: [...lead, m, n] });
      }
      return original.kernelFunc({ inputs: { ...inputs, a: plainA, b: plainB }, backend, attrs: plainAttrs });
    } finally {
      free(backend, ...made);
    }
  };
}

export const tunedBatchMatMul = (stock: StockKernels): KernelFunc => fastPath(stock, stock.batchMatMul);
export const tunedFusedMatMul = (stock: StockKernels): KernelFunc => fastPath(stock, stock.fusedMatMul);

/** The plain product a·b of two rank-2 operands through the stock (XNNPACK) kernel. */
export function product(stock: StockKernels, backend: object, a: TensorInfo, b: TensorInfo): TensorInfo {
  return call(stock.batchMatMul, backend, { a, b }, { transposeA: false, transposeB: false });
}

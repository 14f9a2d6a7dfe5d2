// Runs in worker and Node. Matrix products for tfjs-backend-wasm 4.22 that never take its slow path: the stock
// kernels run XNNPACK only when neither operand is transposed, and a transposed operand falls back to a plain
// loop that is 7-11× slower at 256³ (NOTES.md, "wasm: where the time goes"). Dense backprop is made of such
// products, so the operands are transposed first (one cheap copy each) and the stock kernel runs untransposed.
import { call, free, swapLastTwo, type KernelFunc, type StockKernels, type TensorInfo } from './kernel-calls';

/**
 * Runs `original` with transposeA/transposeB cleared after transposing those operands. Other inputs (bias,
 * prelu weights) and attributes (activation, leakyreluAlpha) pass through untouched.
 */
function untransposed(stock: StockKernels, original: StockKernels['batchMatMul']): KernelFunc {
  return ({ inputs, backend, attrs = {} }) => {
    const { transposeA, transposeB } = attrs as { transposeA?: boolean; transposeB?: boolean };
    if (!transposeA && !transposeB) return original.kernelFunc({ inputs, backend, attrs });
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const made: TensorInfo[] = [];
    const operand = (x: TensorInfo, transposed: boolean | undefined) => {
      if (!transposed) return x;
      const swapped = swapLastTwo(stock, backend, x);
      made.push(swapped);
      return swapped;
    };
    try {
      const plain = { ...inputs, a: operand(a, transposeA), b: operand(b, transposeB) };
      return original.kernelFunc({ inputs: plain, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      free(backend, ...made);
    }
  };
}

export const tunedBatchMatMul = (stock: StockKernels): KernelFunc => untransposed(stock, stock.batchMatMul);
export const tunedFusedMatMul = (stock: StockKernels): KernelFunc => untransposed(stock, stock.fusedMatMul);

/** The plain product a·b of two rank-2 operands through the stock (XNNPACK) kernel. */
export function product(stock: StockKernels, backend: object, a: TensorInfo, b: TensorInfo): TensorInfo {
  return call(stock.batchMatMul, backend, { a, b }, { transposeA: false, transposeB: false });
}

// Runs in worker and Node. Calling the wasm backend's own kernels directly, below the tensor layer: no tf.Tensor
// is made there, so every intermediate is a backend data id that the caller frees with `free`.
import type { tf } from '../tf';

export type KernelConfig = tf.KernelConfig;
export type KernelFunc = tf.KernelFunc;
export type TensorInfo = tf.TensorInfo;
type KernelArgs = Parameters<KernelFunc>[0];
export type Attrs = NonNullable<KernelArgs['attrs']>;

/** The part of tfjs-backend-wasm's backend a tuned kernel uses; kernel functions receive it typed as `{}`. */
export interface DataBackend {
  disposeData(dataId: TensorInfo['dataId']): unknown;
}

/** Runs one kernel function that returns a single tensor. */
export function call(kernel: KernelConfig, backend: object, inputs: KernelArgs['inputs'], attrs: Attrs = {}): TensorInfo {
  return kernel.kernelFunc({ inputs, backend, attrs }) as TensorInfo;
}

/** Frees intermediates; the wasm backend counts references, so a reshaped view frees only its own hold. */
export function free(backend: object, ...infos: TensorInfo[]): void {
  for (const info of infos) (backend as DataBackend).disposeData(info.dataId);
}

/** The wasm kernels a tuned kernel builds on, taken from the registry once at registration. */
export interface StockKernels {
  batchMatMul: KernelConfig;
  fusedMatMul: KernelConfig;
  transpose: KernelConfig;
  reshape: KernelConfig;
  padV2: KernelConfig;
  stridedSlice: KernelConfig;
  concat: KernelConfig;
}

/**
 * Swaps the last two axes. When one of them is 1 the memory order is already the swapped one, so a reshape (no
 * copy) does it; otherwise the backend's Transpose kernel copies.
 */
export function swapLastTwo(stock: StockKernels, backend: object, x: TensorInfo): TensorInfo {
  const rank = x.shape.length;
  const rows = x.shape[rank - 2];
  const cols = x.shape[rank - 1];
  const swapped = [...x.shape.slice(0, -2), cols, rows];
  if (rows === 1 || cols === 1) return call(stock.reshape, backend, { x }, { shape: swapped });
  const perm = [...x.shape.keys()];
  [perm[rank - 2], perm[rank - 1]] = [rank - 1, rank - 2];
  return call(stock.transpose, backend, { x }, { perm });
}

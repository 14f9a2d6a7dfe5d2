// Runs in worker and Node. Swaps the tuned kernels into tfjs' global kernel registry for the wasm backend and
// back. The registry itself holds the state: each tuned config carries the config it replaced (or null for a
// kernel wasm lacked) under a global symbol, so registering twice never wraps twice, unregistering restores
// the very config objects that were there, and the pasteable copy from tunedKernelSource() (same symbol)
// cooperates with this one.
import type { Tf } from '../tf';
import { conv2dBackpropFilter } from './conv2d-backprop-filter';
import type { KernelConfig, KernelFunc, StockKernels } from './kernel-calls';
import { tunedBatchMatMul, tunedFusedMatMul } from './matmul';

const BACKEND = 'wasm';
export const REPLACED = Symbol.for('tfjs-wasm-tuned-kernels.replaced');

type TunedConfig = KernelConfig & { [REPLACED]: KernelConfig | null };

/** Kernel names the tuned set registers: two replacements and one gap filled. */
export const TUNED_KERNEL_NAMES = ['BatchMatMul', '_FusedMatMul', 'Conv2DBackpropFilter'] as const;

const isTuned = (config: KernelConfig | undefined): config is TunedConfig => config !== undefined && REPLACED in config;

/** The stock config behind a kernel name, looking through a tuned one. */
function stockKernel(tf: Tf, name: string): KernelConfig | undefined {
  const current = tf.getKernel(name, BACKEND);
  return isTuned(current) ? (current[REPLACED] ?? undefined) : current;
}

function stockKernels(tf: Tf): StockKernels {
  const need = (name: string) => {
    const config = stockKernel(tf, name);
    if (!config) throw new Error(`Tuned wasm kernels need the wasm backend's ${name} kernel: import '@tensorflow/tfjs-backend-wasm' first`);
    return config;
  };
  return {
    batchMatMul: need('BatchMatMul'),
    fusedMatMul: need('_FusedMatMul'),
    transpose: need('Transpose'),
    reshape: need('Reshape'),
    padV2: need('PadV2'),
    stridedSlice: need('StridedSlice'),
    concat: need('Concat'),
  };
}

/** Puts `kernelFunc` under `name`, keeping the replaced config's setup and dispose hooks (XNNPACK bindings). */
function install(tf: Tf, name: string, kernelFunc: KernelFunc): void {
  const current = tf.getKernel(name, BACKEND);
  if (isTuned(current)) return;
  const tuned: TunedConfig = { ...current, kernelName: name, backendName: BACKEND, kernelFunc, [REPLACED]: current ?? null };
  if (current) tf.unregisterKernel(name, BACKEND);
  tf.registerKernel(tuned);
}

/**
 * Registers the tuned wasm kernels (idempotent). Throws when tfjs-backend-wasm's kernels are not registered.
 * A Conv2DBackpropFilter that a later wasm release brings is left alone.
 */
export function registerTunedKernels(tf: Tf): void {
  const stock = stockKernels(tf);
  install(tf, 'BatchMatMul', tunedBatchMatMul(stock));
  install(tf, '_FusedMatMul', tunedFusedMatMul(stock));
  if (!tf.getKernel('Conv2DBackpropFilter', BACKEND)) install(tf, 'Conv2DBackpropFilter', conv2dBackpropFilter(tf, stock));
}

/** Restores the stock kernel configs (the same objects) and removes the filled gap; a no-op when not registered. */
export function unregisterTunedKernels(tf: Tf): void {
  for (const name of TUNED_KERNEL_NAMES) {
    const current = tf.getKernel(name, BACKEND);
    if (!isTuned(current)) continue;
    tf.unregisterKernel(name, BACKEND);
    if (current[REPLACED]) tf.registerKernel(current[REPLACED]);
  }
}

/** Whether the tuned kernels are in the registry now. */
export function tunedKernelsRegistered(tf: Tf): boolean {
  return isTuned(tf.getKernel('BatchMatMul', BACKEND));
}

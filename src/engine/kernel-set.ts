// Runs in worker and Node. Puts the kernels a run asks for in place before the backend is chosen (the backend
// check reads the kernel registry, so a CNN on wasm needs the tuned Conv2DBackpropFilter registered first), and
// takes tuned ones out again when a run asks for stock: the default measures tfjs as users get it.
import type { KernelSet } from '../shared/config';
import type { Tf } from './tf';
import { registerTunedKernels, tunedKernelsRegistered, unregisterTunedKernels } from './wasm-kernels';

export function useKernelSet(tf: Tf, set: KernelSet): void {
  if (set === 'tuned') {
    // Needs the wasm backend's own kernels to wrap: a host without wasm (none today) keeps stock.
    if (tf.findBackendFactory('wasm')) registerTunedKernels(tf);
  } else if (tunedKernelsRegistered(tf)) {
    unregisterTunedKernels(tf);
  }
}

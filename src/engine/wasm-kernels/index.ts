// Runs in worker and Node. Tuned kernels for tfjs-backend-wasm 4.22: transposed matrix products through its
// fast (XNNPACK) path, and the Conv2DBackpropFilter kernel it lacks, so a CNN trains on wasm.
export { registerTunedKernels, unregisterTunedKernels, tunedKernelsRegistered, TUNED_KERNEL_NAMES } from './register';

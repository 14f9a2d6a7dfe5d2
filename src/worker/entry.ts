// Runs in the dedicated worker only. Registers the backends, points wasm at its bundled files and exposes the
// trainer over Comlink. Everything else lives in trainer.ts, which Node tests run in-process.
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { appRootUrl, fetchAssets } from './fetch-assets';
import { collectWorkerMachineInfo } from './machine-info';
import { createTrainer } from './trainer';
import { createWebGpuProbe, type GpuNavigatorLike } from './webgpu-probe';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});
// The threaded build hangs once bundled (it needs its own worker script): always use the single-thread one.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

const trainer = createTrainer({
  tf,
  probes: { webgpu: createWebGpuProbe(self.navigator as unknown as GpuNavigatorLike) },
  transfer: (chunk, transferables) => Comlink.transfer(chunk, transferables),
  // self.location is this worker script's address (in the build: <app>/assets/entry-….js).
  machineInfo: (backend) => collectWorkerMachineInfo(tf, backend, self.navigator),
  assets: fetchAssets(appRootUrl(import.meta.env.BASE_URL, import.meta.env.FITSCOPE_ASSETS_DIR, self.location.href)),
  // Sent on the events port after the last chunk, so it closes that port without cutting a chunk off.
  releaseEvents: (events) => {
    const release = (events as Partial<Comlink.Remote<object>>)[Comlink.releaseProxy];
    // Typed void, but returns a promise that never settles if the page is gone.
    if (release) void Promise.resolve(release()).catch(() => {});
  },
});

Comlink.expose(trainer);

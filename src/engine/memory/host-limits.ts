// Runs in worker and Node. What the host itself can hold, apart from any memory budget: the largest single
// ArrayBuffer its JS engine allocates, the wasm backend's linear memory ceiling, and, on WebGPU, the device's
// buffer limits. A browser worker dies outright (no error to catch) when the data set passes these, so the
// guard checks them before anything is allocated. The host lays what it can read about itself over these
// defaults (hostLimits below): the WebGPU device's limits, a heap limit where one is exposed.

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export interface HostLimits {
  /** Largest single ArrayBuffer (typed array) the JS engine will allocate. */
  maxArrayBufferBytes: number;
  /**
   * Everything the JS side may hold together (heap and typed arrays), where the host knows such a limit
   * (Chromium's performance.memory.jsHeapSizeLimit on a page; no worker exposes one). Unknown: not checked.
   */
  jsHeapBytes?: number;
  /** Ceiling of the wasm backend's linear memory (wasm32, as tfjs-backend-wasm is built: 4 GiB − 64 KiB). */
  wasmMaxBytes: number;
  /** WebGPU device's maxBufferSize: no tensor may be larger. Unknown: not checked. */
  gpuMaxBufferBytes?: number;
  /** WebGPU device's maxStorageBufferBindingSize: a kernel binds whole tensors, so no tensor may be larger. */
  gpuMaxBindingBytes?: number;
  /** Where the numbers come from, for messages ("a browser worker", "this Node process"). */
  source: string;
}

/** tfjs-backend-wasm 4.22's emscripten heap maximum (getHeapMax in its glue code). */
export const WASM32_MAX_BYTES = 4 * GiB - 64 * 1024;

/**
 * Emscripten grows the heap by 20 % over the request, at most 96 MiB over it (emscripten_resize_heap): the
 * memory the wasm backend holds is its tensors plus that slack.
 */
export function wasmGrowthSlack(heapBytes: number): number {
  return Math.min(heapBytes * 0.2, 96 * MiB);
}

/** Node 20's buffer.constants.MAX_LENGTH is 4 GiB; a newer Node allows more, and the CLI can pass its own. */
export const NODE_HOST_LIMITS: Readonly<HostLimits> = Object.freeze({
  maxArrayBufferBytes: 4 * GiB,
  wasmMaxBytes: WASM32_MAX_BYTES,
  source: 'this Node process',
});

/**
 * A browser worker when the page could read nothing better: 2 GiB is the smallest one-ArrayBuffer limit of
 * the current engines (Chromium's long-standing one; Firefox and Safari allow more on 64-bit systems).
 */
export const BROWSER_WORKER_LIMITS: Readonly<HostLimits> = Object.freeze({
  maxArrayBufferBytes: 2 * GiB,
  wasmMaxBytes: WASM32_MAX_BYTES,
  source: 'a browser worker',
});

/** The values a host can read about itself; each absent one keeps the default's. */
export interface HostReadings {
  maxArrayBufferBytes?: number;
  jsHeapBytes?: number;
  gpuMaxBufferBytes?: number;
  gpuMaxBindingBytes?: number;
}

const usable = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** Default limits with what the host read laid over them (non-numbers and non-positive values are ignored). */
export function hostLimits(defaults: Readonly<HostLimits>, readings: HostReadings = {}, source = defaults.source): HostLimits {
  const limits: HostLimits = { ...defaults, source };
  for (const key of ['maxArrayBufferBytes', 'jsHeapBytes', 'gpuMaxBufferBytes', 'gpuMaxBindingBytes'] as const) {
    const value = readings[key];
    if (usable(value)) limits[key] = value;
  }
  return limits;
}

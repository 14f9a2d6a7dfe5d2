// Runs in Node only. WebGPU for the engine outside a browser: Dawn's Node binding (npm `webgpu`, whose prebuilt
// dawn.node ships in the package) provides navigator.gpu, then @tensorflow/tfjs-backend-webgpu registers its
// 'webgpu' backend with the engine's tfjs.
//
// Order matters: tfjs-backend-webgpu decides at import time whether WebGPU exists (it looks for
// navigator.gpu), and its kernels read the GPUBufferUsage / GPUMapMode / GPUTextureUsage globals. So the globals
// are installed first and the backend package is imported dynamically afterwards, never statically.
//
// Which Dawn backend: Dawn's default first (Vulkan on Linux: a real GPU), then Dawn's OpenGL backend in WebGPU
// "compatibility" mode, which on a GPU-less Linux machine runs on Mesa's llvmpipe through EGL (Dawn's Vulkan path
// refuses Mesa's lavapipe). That path needs Debian `libegl-dev` (the unversioned libEGL.so Dawn opens; it pulls
// libegl1 + libegl-mesa0) and `libgl1-mesa-dri` (llvmpipe), and EGL_PLATFORM=surfaceless, which is set here
// in-process unless the environment already sets it (that works on Node's main thread only: in a worker thread
// process.env is a copy native code never reads, so set the variable before starting Node). llvmpipe is a CPU
// rasteriser: the adapter description says so, so nobody mistakes it for a GPU.
//
// Process exit: with webgpu 0.6.2 a Node process exits on its own after a run; releaseNodeWebGPU() drops this
// module's references to Dawn (navigator.gpu included) for hosts that want to be sure.
import { isMainThread } from 'node:worker_threads';
import type { ProbeResult } from '../engine/backend';

type Dawn = typeof import('webgpu');
type FeatureLevel = 'core' | 'compatibility';

interface Attempt {
  /** Flags for Dawn's create(). */
  flags: string[];
  label: string;
}

const ATTEMPTS: readonly Attempt[] = [
  { flags: [], label: "Dawn's default backend (Vulkan on Linux)" },
  { flags: ['backend=opengl'], label: "Dawn's OpenGL backend (EGL)" },
];
const FEATURE_LEVELS: readonly FeatureLevel[] = ['core', 'compatibility'];
const SOFTWARE_NAMES = /llvmpipe|lavapipe|softpipe|swiftshader|swrast|software|basic render/i;

export type NodeWebGPUResult = { adapter: string } | { unavailable: string };

interface Installed {
  /** The Dawn instance behind navigator.gpu; held so it lives as long as the backend may need it. */
  gpu: GPU | null;
  /** The navigator this module put gpu on, and whether it created navigator itself. */
  navigator: { gpu?: unknown } | null;
  createdNavigator: boolean;
}

let pending: Promise<NodeWebGPUResult> | null = null;
let installed: Installed | null = null;

/** Sets up navigator.gpu and the WebGPU globals once, and describes the adapter (or why there is none). */
export function installNodeWebGPU(): Promise<NodeWebGPUResult> {
  pending ??= install();
  return pending;
}

/**
 * Registers tfjs' 'webgpu' backend when an adapter exists and returns a probe for activateBackend. The backend
 * package is imported only after navigator.gpu is in place; without an adapter it is not imported at all (so
 * tf.findBackendFactory('webgpu') stays undefined) and the probe gives the reason.
 */
export async function registerNodeWebGPU(): Promise<{ probe: () => Promise<ProbeResult> }> {
  const result = await installNodeWebGPU();
  if ('unavailable' in result) return { probe: async () => ({ unavailable: result.unavailable }) };
  try {
    await import('@tensorflow/tfjs-backend-webgpu');
  } catch (e) {
    const reason = `@tensorflow/tfjs-backend-webgpu failed to load: ${message(e)}`;
    return { probe: async () => ({ unavailable: reason }) };
  }
  return { probe: async () => ({ adapter: result.adapter }) };
}

/**
 * Drops this module's references to Dawn, navigator.gpu included. Dawn keeps a process alive only while its GPU
 * object is referenced; with webgpu 0.6.2 a process exits without this, but a host that must end promptly can call
 * it after its last WebGPU work (or call process.exit). Call tf.removeBackend('webgpu') first if tfjs should free
 * its device too; a later installNodeWebGPU() starts over.
 */
export function releaseNodeWebGPU(): void {
  if (installed?.navigator) {
    delete installed.navigator.gpu;
    if (installed.createdNavigator) delete (globalThis as { navigator?: unknown }).navigator;
  }
  installed = null;
  pending = null;
}

async function install(): Promise<NodeWebGPUResult> {
  const g = globalThis as { navigator?: { gpu?: GPU } };
  if (g.navigator?.gpu && !installed) {
    // Someone else (another WebGPU binding, a test harness) already provides WebGPU: describe it, keep it.
    const found = await findAdapter(g.navigator.gpu, ['core', 'compatibility']).catch(() => null);
    if (!found) return { unavailable: 'navigator.gpu exists but gives no adapter' };
    return { adapter: describe(found.adapter.info, found.featureLevel, 'a navigator.gpu provided by the host') };
  }

  let dawn: Dawn;
  try {
    dawn = await import('webgpu');
  } catch (e) {
    return { unavailable: `the npm package "webgpu" (Dawn) failed to load: ${message(e)}` };
  }
  // Read by Mesa's EGL when Dawn's OpenGL backend opens a display: surfaceless needs no X or Wayland server.
  // In a worker thread process.env is a private copy that native code never sees (so e.g. vitest's 'threads'
  // pool needs EGL_PLATFORM=surfaceless in the environment it is started with).
  const eglPlatformReachesNative = isMainThread || process.env.EGL_PLATFORM !== undefined;
  process.env.EGL_PLATFORM ??= 'surfaceless';

  const tried: string[] = [];
  for (const attempt of ATTEMPTS) {
    let gpu: GPU;
    try {
      gpu = dawn.create(attempt.flags);
    } catch (e) {
      tried.push(`${attempt.label}: ${message(e)}`);
      continue;
    }
    let found: { adapter: GPUAdapter; featureLevel: FeatureLevel } | null;
    try {
      found = await findAdapter(gpu, FEATURE_LEVELS);
    } catch (e) {
      tried.push(`${attempt.label}: ${message(e)}`);
      continue;
    }
    if (!found) {
      tried.push(`${attempt.label}: no adapter`);
      continue;
    }
    installGlobals(dawn, gpu, found.featureLevel);
    return { adapter: describe(found.adapter.info, found.featureLevel, attempt.label) };
  }
  const hint = eglPlatformReachesNative
    ? 'without a GPU, install Debian libegl-dev and libgl1-mesa-dri for llvmpipe'
    : 'in a worker thread, EGL_PLATFORM set in process.env does not reach Mesa: start Node with EGL_PLATFORM=surfaceless';
  return { unavailable: `no WebGPU adapter from Dawn (${tried.join('; ')}); ${hint}` };
}

async function findAdapter(gpu: GPU, levels: readonly FeatureLevel[]): Promise<{ adapter: GPUAdapter; featureLevel: FeatureLevel } | null> {
  for (const featureLevel of levels) {
    const adapter = await gpu.requestAdapter({ featureLevel, powerPreference: 'high-performance' });
    if (adapter) return { adapter, featureLevel };
  }
  return null;
}

/**
 * Puts Dawn's constructors and constants (GPUBufferUsage, GPUMapMode, ...) on globalThis where missing, and
 * navigator.gpu. tfjs-backend-webgpu asks for an adapter with only a powerPreference, which Dawn's OpenGL backend
 * answers with null (it offers compatibility-mode adapters only), so navigator.gpu passes the feature level that
 * worked here along.
 */
function installGlobals(dawn: Dawn, gpu: GPU, featureLevel: FeatureLevel): void {
  const g = globalThis as Record<string, unknown>;
  for (const [name, value] of Object.entries(dawn.globals as Record<string, unknown>)) {
    if (!(name in g)) Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  }
  const facade = {
    requestAdapter: (options?: GPURequestAdapterOptions) => gpu.requestAdapter({ ...options, featureLevel }),
    getPreferredCanvasFormat: () => gpu.getPreferredCanvasFormat(),
    get wgslLanguageFeatures() {
      return gpu.wgslLanguageFeatures;
    },
  };
  let nav = g.navigator as { gpu?: unknown } | undefined;
  const createdNavigator = !nav;
  if (!nav) {
    nav = {};
    Object.defineProperty(g, 'navigator', { value: nav, writable: true, configurable: true, enumerable: false });
  }
  // Node ≥ 21 has a navigator of its own, without gpu: an own property on it is enough.
  Object.defineProperty(nav, 'gpu', { value: facade, writable: true, configurable: true, enumerable: true });
  installed = { gpu, navigator: nav, createdNavigator };
}

function describe(info: GPUAdapterInfo, featureLevel: FeatureLevel, via: string): string {
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : '');
  const vendor = text(info.vendor);
  const architecture = text(info.architecture);
  const device = text(info.device);
  const description = text(info.description);
  // Dawn reports isFallbackAdapter false for llvmpipe, so the names decide too.
  const fallback = Boolean((info as { isFallbackAdapter?: boolean }).isFallbackAdapter);
  const software = fallback || SOFTWARE_NAMES.test([vendor, architecture, device, description].join(' '));
  const name = [device, description].filter(Boolean).join(', ') || 'unnamed adapter';
  const kind = software ? 'SOFTWARE adapter (CPU rasteriser, not a GPU)' : 'hardware adapter';
  const origin = `vendor ${vendor || 'unreported'}, architecture ${architecture || 'unreported'}`;
  return `${name}; ${origin}; ${kind}; via ${via}, ${featureLevel} feature level`;
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0];
}

// Runs in the worker (collectWorkerMachineInfo) and in Node (readBackendFacts, used by src/cli/node-machine.ts).
// Reads the machine facts of a run once its backend is active: what the backend really runs on (the GPU
// adapter tfjs holds, the wasm build it loaded), then the host's cores, memory, browser and OS.
import type { Tf } from '../engine/tf';
import { adapterFacts, isSoftwareAdapter, type AdapterFacts, type MachineInfo, type WasmFacts } from '../shared/machine';
import type { BackendInfo } from '../shared/metrics';
import { platformOf, type UserAgentDataLike } from './user-agent';

/** The WorkerNavigator fields read here; deviceMemory and userAgentData are Chromium's (not in TypeScript's DOM lib). */
export interface NavigatorFactsLike {
  hardwareConcurrency?: number;
  deviceMemory?: number;
  userAgent?: string;
  userAgentData?: UserAgentDataLike;
}

// The parts of tfjs' backend objects read here; none of them is in tfjs' public types.
interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  device?: string;
  isFallbackAdapter?: boolean;
}
interface WebGpuBackendLike {
  /** The GPUDevice tfjs trains on; its adapterInfo (Chromium 132+, Dawn) names the very adapter in use. */
  device?: { adapterInfo?: GpuAdapterInfoLike };
  /** tfjs' own copy: vendor and architecture only. */
  adapterInfo?: GpuAdapterInfoLike;
}
interface WebGlBackendLike {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

async function readWasm(tf: Tf): Promise<WasmFacts | undefined> {
  // Async flags: the wasm backend evaluated (and cached) both while choosing its .wasm file.
  try {
    const [simd, multithread] = await Promise.all([
      tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
      tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
    ]);
    return { simd: simd === true, multithread: multithread === true };
  } catch {
    return undefined; // the flags are not registered: tfjs-backend-wasm is not loaded
  }
}

function readWebGpuAdapter(tf: Tf, probed: string | undefined): AdapterFacts | undefined {
  const backend = tf.backend() as unknown as WebGpuBackendLike;
  const info = backend.device?.adapterInfo ?? backend.adapterInfo;
  if (info && (info.vendor || info.architecture || info.description || info.device))
    return adapterFacts(info, info.isFallbackAdapter === true);
  // Only the probe's words are left (webgpu-probe.ts describeAdapter, or the CLI's Dawn description).
  if (!probed) return undefined;
  const description = probed.replace(/^software: /, '');
  return { description, software: probed.startsWith('software: ') || isSoftwareAdapter([description]) };
}

function readWebGlRenderer(tf: Tf): AdapterFacts | undefined {
  const gl = (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl;
  try {
    // Without this extension the renderer is masked ("WebKit WebGL"), which says nothing about the machine.
    const names = gl?.getExtension('WEBGL_debug_renderer_info');
    if (!gl || !names) return undefined;
    const vendor = String(gl.getParameter(names.UNMASKED_VENDOR_WEBGL) ?? '');
    const renderer = String(gl.getParameter(names.UNMASKED_RENDERER_WEBGL) ?? '');
    return adapterFacts({ vendor, description: renderer });
  } catch {
    return undefined; // a lost context: the renderer is simply not known
  }
}

/** The facts that depend on the active backend: its GPU adapter (webgpu, webgl) or its wasm build. */
export async function readBackendFacts(tf: Tf, backend: BackendInfo): Promise<Pick<MachineInfo, 'backend' | 'adapter' | 'wasm'>> {
  const facts: Pick<MachineInfo, 'backend' | 'adapter' | 'wasm'> = { backend: backend.active };
  if (backend.active === 'wasm') {
    const wasm = await readWasm(tf);
    if (wasm) facts.wasm = wasm;
  }
  const adapter =
    backend.active === 'webgpu' ? readWebGpuAdapter(tf, backend.adapter) : backend.active === 'webgl' ? readWebGlRenderer(tf) : undefined;
  if (adapter) facts.adapter = adapter;
  return facts;
}

/**
 * Machine facts in the worker. Call after activateBackend, with what it returned: the backend's facts are read
 * from the live backend. `nav` is the worker's navigator (self.navigator).
 */
export async function collectWorkerMachineInfo(
  tf: Tf,
  backend: BackendInfo,
  nav: NavigatorFactsLike | undefined,
  now: Date = new Date(),
): Promise<MachineInfo> {
  const info: MachineInfo = { ...(await readBackendFacts(tf, backend)), date: now.toISOString() };
  if (!nav) return info;
  if (typeof nav.hardwareConcurrency === 'number' && nav.hardwareConcurrency > 0) info.cores = nav.hardwareConcurrency;
  if (typeof nav.deviceMemory === 'number' && nav.deviceMemory > 0) info.memory = { gib: nav.deviceMemory, approximate: true };
  const platform = platformOf(nav);
  if (platform.browser) info.runtime = platform.browser;
  if (platform.os) info.os = platform.os;
  return info;
}

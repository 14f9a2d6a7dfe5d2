// Runs in the worker (and Node tests with a fake navigator). Says why WebGPU cannot run here, or which adapter
// it would run on. A software adapter (the fallback adapter, or a CPU rasteriser such as SwiftShader or llvmpipe
// that does not say it is one) is labelled so it is never taken for a GPU.
import type { ProbeResult } from '../engine/backend';
import { isSoftwareAdapter } from '../shared/machine';

// The few WebGPU shapes used here; TypeScript's DOM library has no WebGPU types yet.
interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
}
export interface GpuNavigatorLike {
  gpu?: { requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null> };
}

export function describeAdapter(adapter: AdapterLike): string {
  const info = adapter.info ?? {};
  const parts = [info.vendor, info.architecture, info.device, info.description].map((p) => p?.trim()).filter((p): p is string => !!p);
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  const software = isSoftwareAdapter(unique, adapter.isFallbackAdapter ?? info.isFallbackAdapter ?? false);
  const name = unique.length ? unique.join(' ') : 'unnamed adapter';
  return software ? `software: ${name}` : name;
}

export function createWebGpuProbe(navigatorLike: GpuNavigatorLike | undefined): () => Promise<ProbeResult> {
  return async () => {
    const gpu = navigatorLike?.gpu;
    if (!gpu) return { unavailable: 'navigator.gpu missing (this browser or context has no WebGPU; it needs HTTPS or localhost)' };
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { unavailable: 'no WebGPU adapter (requestAdapter() returned null: WebGPU is blocked or disabled for this GPU)' };
    return { adapter: describeAdapter(adapter) };
  };
}

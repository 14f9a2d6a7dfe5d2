// Runs anywhere (pure). What machine a run was measured on, so a number is never read without its hardware:
// the backend that ran, the GPU adapter or the wasm build, cores, memory, browser or Node, OS and date.
// Collected by src/worker/machine-info.ts (browser) and src/cli/node-machine.ts (Node).
import type { BackendName } from './config';

/** The GPU behind webgpu or webgl, as far as the browser names it (browsers may leave any field out). */
export interface AdapterFacts {
  vendor?: string;
  architecture?: string;
  /** The device's name where the driver gives one (Dawn on Mesa: "llvmpipe-llvm-15-0-6-256-bits-"). */
  device?: string;
  /** The adapter's or renderer's own words, e.g. "NVIDIA GeForce RTX 4070" or an ANGLE renderer string. */
  description?: string;
  /** A CPU rasteriser (SwiftShader, llvmpipe, …) or the browser's fallback adapter: not a GPU. */
  software: boolean;
}

/** What tfjs-backend-wasm runs with, read from its flags once the backend is active. */
export interface WasmFacts {
  simd: boolean;
  multithread: boolean;
}

export interface MachineInfo {
  /** The backend that actually ran. */
  backend: BackendName;
  /** webgpu and webgl only. */
  adapter?: AdapterFacts;
  /** wasm only. */
  wasm?: WasmFacts;
  /** Logical cores (navigator.hardwareConcurrency, os.cpus().length). */
  cores?: number;
  /** Memory in GiB. A browser's navigator.deviceMemory is rounded to a power of two (some browsers cap it): approximate. */
  memory?: { gib: number; approximate: boolean };
  /** "Chromium 156", "Firefox 140", "Node 20.20.2". */
  runtime?: string;
  /** OS family: "Linux", "Windows", "macOS", "Android", "iOS", "ChromeOS". */
  os?: string;
  /** When the facts were read, ISO 8601 (UTC). */
  date: string;
}

// Names of CPU rasterisers that present themselves as GPUs (WebGPU adapters, WebGL renderers, Dawn adapters).
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|lavapipe|softpipe|swrast|software rasterizer|microsoft basic render/i;

/** True for a software adapter: the fallback flag, or a known software rasteriser's name in any field. */
export function isSoftwareAdapter(names: readonly (string | undefined)[], isFallbackAdapter = false): boolean {
  return isFallbackAdapter || names.some((name) => !!name && SOFTWARE_RENDERERS.test(name));
}

/** The facts of a WebGPU adapter info (GPUAdapterInfo's fields), empty strings dropped. */
export function adapterFacts(
  info: { vendor?: string; architecture?: string; device?: string; description?: string },
  isFallbackAdapter = false,
): AdapterFacts {
  const clean = (text: string | undefined) => text?.trim() || undefined;
  const facts = {
    vendor: clean(info.vendor),
    architecture: clean(info.architecture),
    device: clean(info.device),
    description: clean(info.description),
  };
  const known = Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
  return { ...known, software: isSoftwareAdapter(Object.values(facts), isFallbackAdapter) };
}

/** The adapter in a few words: its device name and description where given, else vendor and architecture. */
export function adapterLabel(adapter: AdapterFacts): string {
  const { device, description } = adapter;
  const named = device && description && !description.includes(device) ? `${device} (${description})` : (description ?? device);
  const name = named ?? ([adapter.vendor, adapter.architecture].filter(Boolean).join(' ') || 'unnamed adapter');
  return adapter.software ? `${name}, software` : name;
}

function formatGib(gib: number): string {
  return gib >= 10 ? String(Math.round(gib)) : String(Math.round(gib * 10) / 10);
}

/**
 * One line for a log, an export or a tooltip, e.g.
 * "wasm (SIMD, 1 thread) · 2 cores · 8 GB RAM · Node 20.20.2 on Linux · 2026-12-02" or
 * "webgpu [google swiftshader, software] · 2 cores · ≈16 GB RAM · Chromium 156 on Linux · 2026-12-02".
 * Facts that were not known are left out, never guessed.
 */
export function describeMachine(info: MachineInfo): string {
  let backend: string = info.backend;
  if (info.adapter) backend += ` [${adapterLabel(info.adapter)}]`;
  if (info.wasm) backend += ` (${info.wasm.simd ? 'SIMD' : 'no SIMD'}, ${info.wasm.multithread ? 'multithreaded' : '1 thread'})`;
  const parts = [backend];
  if (info.cores !== undefined && Number.isFinite(info.cores) && info.cores > 0)
    parts.push(`${info.cores} ${info.cores === 1 ? 'core' : 'cores'}`);
  if (info.memory && Number.isFinite(info.memory.gib) && info.memory.gib > 0)
    parts.push(`${info.memory.approximate ? '≈' : ''}${formatGib(info.memory.gib)} GB RAM`);
  const platform = [info.runtime, info.os].filter(Boolean).join(' on ');
  if (platform) parts.push(platform);
  if (/^\d{4}-\d{2}-\d{2}/.test(info.date ?? '')) parts.push(info.date.slice(0, 10));
  return parts.join(' · ');
}

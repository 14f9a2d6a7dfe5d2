// Runs in Node: the worker's machine facts from a live tfjs (cpu, wasm) and from stand-ins for the GPU backends,
// whose objects only a browser or Dawn can make.
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { activateBackend } from '../../src/engine/backend';
import { tf, type Tf } from '../../src/engine/tf';
import type { BackendInfo } from '../../src/shared/metrics';
import { collectWorkerMachineInfo, readBackendFacts } from '../../src/worker/machine-info';

const NOW = new Date('2026-12-02T10:20:30.000Z');
const HEADLESS_CHROMIUM = {
  hardwareConcurrency: 2,
  deviceMemory: 16,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
  userAgentData: {
    brands: [
      { brand: 'Not:A-Brand', version: '8' },
      { brand: 'Chromium', version: '156' },
    ],
    platform: 'Linux',
  },
};

const info = (active: BackendInfo['active'], adapter?: string): BackendInfo => ({
  active,
  requested: active,
  fallbacks: [],
  ...(adapter ? { adapter } : {}),
});

/** A tf whose active backend is `backend` (an object standing in for tfjs' WebGPU or WebGL backend). */
const tfWith = (backend: object): Tf => ({ backend: () => backend, env: () => tf.env() }) as unknown as Tf;

describe('readBackendFacts', () => {
  it('reads the wasm build tfjs chose: SIMD (Node 20 has it), and one thread where multithreading is off', async () => {
    // As the worker does (src/worker/entry.ts): the threaded build is never used.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    const backend = await activateBackend(tf, 'wasm');
    expect(backend.active).toBe('wasm');
    expect(await readBackendFacts(tf, backend)).toEqual({ backend: 'wasm', wasm: { simd: true, multithread: false } });
  });

  it('has nothing to add for cpu', async () => {
    const backend = await activateBackend(tf, 'cpu');
    expect(await readBackendFacts(tf, backend)).toEqual({ backend: 'cpu' });
  });

  it('reads the adapter of the GPUDevice tfjs trains on, and knows SwiftShader for software', async () => {
    const webgpu = {
      device: { adapterInfo: { vendor: 'google', architecture: 'swiftshader', description: '', device: '', isFallbackAdapter: false } },
      adapterInfo: { vendor: 'x', architecture: 'y' },
    };
    expect(await readBackendFacts(tfWith(webgpu), info('webgpu'))).toEqual({
      backend: 'webgpu',
      adapter: { vendor: 'google', architecture: 'swiftshader', software: true },
    });
  });

  it("falls back to tfjs' own adapter info, then to the probe's description", async () => {
    expect((await readBackendFacts(tfWith({ adapterInfo: { vendor: 'nvidia', architecture: 'ampere' } }), info('webgpu'))).adapter).toEqual(
      { vendor: 'nvidia', architecture: 'ampere', software: false },
    );
    expect((await readBackendFacts(tfWith({}), info('webgpu', 'software: google swiftshader'))).adapter).toEqual({
      description: 'google swiftshader',
      software: true,
    });
    expect((await readBackendFacts(tfWith({}), info('webgpu'))).adapter).toBeUndefined();
  });

  it("reads WebGL's unmasked renderer, and nothing when the browser hides it", async () => {
    const names = { UNMASKED_VENDOR_WEBGL: 1, UNMASKED_RENDERER_WEBGL: 2 };
    const values: Record<number, string> = {
      1: 'Google Inc. (Google)',
      2: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    };
    const gl = (ext: object | null) => ({ getExtension: () => ext, getParameter: (p: number) => values[p] });
    expect((await readBackendFacts(tfWith({ gpgpu: { gl: gl(names) } }), info('webgl'))).adapter).toEqual({
      vendor: values[1],
      description: values[2],
      software: true,
    });
    expect((await readBackendFacts(tfWith({ gpgpu: { gl: gl(null) } }), info('webgl'))).adapter).toBeUndefined();
    const lost = {
      getExtension: () => names,
      getParameter: () => {
        throw new Error('context lost');
      },
    };
    expect((await readBackendFacts(tfWith({ gpgpu: { gl: lost } }), info('webgl'))).adapter).toBeUndefined();
  });
});

describe('collectWorkerMachineInfo', () => {
  it("adds the navigator's cores, approximate memory, browser, OS and the date", async () => {
    const backend = await activateBackend(tf, 'cpu');
    expect(await collectWorkerMachineInfo(tf, backend, HEADLESS_CHROMIUM, NOW)).toEqual({
      backend: 'cpu',
      cores: 2,
      memory: { gib: 16, approximate: true },
      runtime: 'Chromium 156',
      os: 'Linux',
      date: '2026-12-02T10:20:30.000Z',
    });
  });

  it('leaves out what a browser does not give (Firefox and Safari have no deviceMemory or userAgentData)', async () => {
    const backend = await activateBackend(tf, 'cpu');
    const firefox = { hardwareConcurrency: 8, userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:141.0) Gecko/20100101 Firefox/141.0' };
    expect(await collectWorkerMachineInfo(tf, backend, firefox, NOW)).toEqual({
      backend: 'cpu',
      cores: 8,
      runtime: 'Firefox 141',
      os: 'Linux',
      date: NOW.toISOString(),
    });
    expect(await collectWorkerMachineInfo(tf, backend, undefined, NOW)).toEqual({ backend: 'cpu', date: NOW.toISOString() });
    expect(await collectWorkerMachineInfo(tf, backend, { hardwareConcurrency: 0, deviceMemory: -1 }, NOW)).toEqual({
      backend: 'cpu',
      date: NOW.toISOString(),
    });
  });
});

// Runs in Node with fake navigators: the probe's words for each way WebGPU can be missing.
import { describe, expect, it } from 'vitest';
import { createWebGpuProbe, describeAdapter } from '../../src/worker/webgpu-probe';

describe('createWebGpuProbe', () => {
  it('says navigator.gpu is missing', async () => {
    expect((await createWebGpuProbe({})()).unavailable).toMatch(/^navigator\.gpu missing/);
    expect((await createWebGpuProbe(undefined)()).unavailable).toMatch(/^navigator\.gpu missing/);
  });

  it('says there is no adapter', async () => {
    const probe = createWebGpuProbe({ gpu: { requestAdapter: async () => null } });
    expect((await probe()).unavailable).toMatch(/^no WebGPU adapter/);
  });

  it('describes the adapter and marks a fallback adapter as software', async () => {
    const adapter = { info: { vendor: 'google', architecture: 'swiftshader', description: '', isFallbackAdapter: true } };
    const result = await createWebGpuProbe({ gpu: { requestAdapter: async () => adapter } })();
    expect(result).toEqual({ adapter: 'software: google swiftshader' });
  });

  it('marks a software rasteriser as software even when it does not say it is a fallback adapter', () => {
    expect(describeAdapter({ info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: false } })).toBe(
      'software: google swiftshader',
    );
    expect(describeAdapter({ isFallbackAdapter: false, info: { vendor: 'mesa', description: 'llvmpipe (LLVM 19.1.7, 256 bits)' } })).toBe(
      'software: mesa llvmpipe (LLVM 19.1.7, 256 bits)',
    );
    expect(describeAdapter({ isFallbackAdapter: false, info: { vendor: 'intel', architecture: 'xe' } })).toBe('intel xe');
  });

  it('describes a hardware adapter without repeating itself', () => {
    expect(describeAdapter({ info: { vendor: 'nvidia', architecture: 'ada', description: 'nvidia' } })).toBe('nvidia ada');
    expect(describeAdapter({})).toBe('unnamed adapter');
  });
});

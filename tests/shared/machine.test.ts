// Runs in Node (pure): software adapter detection, adapter facts and the one-line machine description.
import { describe, expect, it } from 'vitest';
import { adapterFacts, adapterLabel, describeMachine, isSoftwareAdapter, type MachineInfo } from '../../src/shared/machine';

const DATE = '2026-12-02T10:20:30.000Z';

describe('isSoftwareAdapter', () => {
  it('takes the fallback flag at its word', () => {
    expect(isSoftwareAdapter(['nvidia', 'ampere'], true)).toBe(true);
  });

  it('knows CPU rasterisers by name even when they do not say they are a fallback', () => {
    for (const name of [
      'swiftshader',
      'SwiftShader Device (Subzero)',
      'llvmpipe (LLVM 19.1.7, 256 bits)',
      'lavapipe',
      'Microsoft Basic Render Driver',
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    ]) {
      expect(isSoftwareAdapter([undefined, name]), name).toBe(true);
    }
  });

  it('leaves real GPUs alone', () => {
    expect(isSoftwareAdapter(['nvidia', 'ampere', 'NVIDIA GeForce RTX 3080'])).toBe(false);
    expect(isSoftwareAdapter(['apple', 'metal-3', ''])).toBe(false);
    expect(isSoftwareAdapter([])).toBe(false);
  });
});

describe('adapterFacts', () => {
  it('drops empty fields and trims the rest', () => {
    expect(adapterFacts({ vendor: 'google', architecture: 'swiftshader', description: '', device: '' }, true)).toEqual({
      vendor: 'google',
      architecture: 'swiftshader',
      software: true,
    });
    expect(adapterFacts({ vendor: ' intel ', architecture: 'xe-lpg', description: '', device: 'Arc A770' })).toEqual({
      vendor: 'intel',
      architecture: 'xe-lpg',
      device: 'Arc A770',
      software: false,
    });
  });

  it("knows Dawn's llvmpipe by its device name when the description names only OpenGL", () => {
    const dawn = {
      vendor: '',
      architecture: '',
      device: 'llvmpipe-llvm-15-0-6-256-bits-',
      description: 'OpenGL version 4.5 (Core Profile) Mesa 22.3.6',
    };
    expect(adapterFacts(dawn)).toEqual({ device: dawn.device, description: dawn.description, software: true });
  });

  it('marks a renderer named llvmpipe as software', () => {
    expect(adapterFacts({ vendor: 'Mesa', description: 'llvmpipe (LLVM 19.1.7, 256 bits)' }).software).toBe(true);
  });
});

describe('adapterLabel', () => {
  it('prefers the description, else vendor and architecture, and says software', () => {
    expect(adapterLabel({ description: 'NVIDIA GeForce RTX 3080', vendor: 'nvidia', software: false })).toBe('NVIDIA GeForce RTX 3080');
    expect(adapterLabel({ vendor: 'google', architecture: 'swiftshader', software: true })).toBe('google swiftshader, software');
    expect(adapterLabel({ software: false })).toBe('unnamed adapter');
    expect(adapterLabel({ device: 'llvmpipe', description: 'OpenGL 4.5 Mesa', software: true })).toBe(
      'llvmpipe (OpenGL 4.5 Mesa), software',
    );
    expect(adapterLabel({ device: 'Arc A770', description: 'Intel(R) Arc(TM) A770 Graphics', vendor: 'intel', software: false })).toBe(
      'Arc A770 (Intel(R) Arc(TM) A770 Graphics)',
    );
    expect(adapterLabel({ device: 'RTX 3080', description: 'NVIDIA GeForce RTX 3080', software: false })).toBe('NVIDIA GeForce RTX 3080');
    expect(adapterLabel({ device: 'Arc A770', vendor: 'intel', software: false })).toBe('Arc A770');
  });
});

describe('describeMachine', () => {
  it('describes a wasm run in the browser', () => {
    const info: MachineInfo = {
      backend: 'wasm',
      wasm: { simd: true, multithread: false },
      cores: 2,
      memory: { gib: 8, approximate: true },
      runtime: 'Chromium 156',
      os: 'Linux',
      date: DATE,
    };
    expect(describeMachine(info)).toBe('wasm (SIMD, 1 thread) · 2 cores · ≈8 GB RAM · Chromium 156 on Linux · 2026-12-02');
  });

  it('describes a software WebGPU adapter and a Node host with exact memory', () => {
    const info: MachineInfo = {
      backend: 'webgpu',
      adapter: { vendor: 'google', architecture: 'swiftshader', software: true },
      cores: 1,
      memory: { gib: 23.47, approximate: false },
      runtime: 'Node 20.20.2',
      os: 'Linux',
      date: DATE,
    };
    expect(describeMachine(info)).toBe('webgpu [google swiftshader, software] · 1 core · 23 GB RAM · Node 20.20.2 on Linux · 2026-12-02');
  });

  it('says what wasm lacks, and rounds small memory to a tenth', () => {
    const info: MachineInfo = {
      backend: 'wasm',
      wasm: { simd: false, multithread: true },
      memory: { gib: 0.5, approximate: true },
      date: DATE,
    };
    expect(describeMachine(info)).toBe('wasm (no SIMD, multithreaded) · ≈0.5 GB RAM · 2026-12-02');
  });

  it('leaves out what is unknown or nonsense instead of printing it', () => {
    expect(describeMachine({ backend: 'cpu', date: DATE })).toBe('cpu · 2026-12-02');
    expect(
      describeMachine({ backend: 'cpu', cores: 0, memory: { gib: Number.NaN, approximate: false }, os: 'Linux', date: 'yesterday' }),
    ).toBe('cpu · Linux');
    // A record read back from an older export may lack the date altogether.
    expect(describeMachine({ backend: 'webgl' } as MachineInfo)).toBe('webgl');
  });
});

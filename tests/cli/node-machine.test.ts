// Runs in Node: the CLI's machine facts come from Node's view of this host.
import '@tensorflow/tfjs-backend-wasm';
import { cpus, totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { collectNodeMachineInfo, osFamily } from '../../src/cli/node-machine';
import { activateBackend } from '../../src/engine/backend';
import { tf } from '../../src/engine/tf';
import { describeMachine } from '../../src/shared/machine';

describe('osFamily', () => {
  it('names the families and keeps an unknown platform as Node names it', () => {
    expect([osFamily('linux'), osFamily('darwin'), osFamily('win32')]).toEqual(['Linux', 'macOS', 'Windows']);
    expect(osFamily('sunos')).toBe('sunos');
  });
});

describe('collectNodeMachineInfo', () => {
  it("reports this host: Node's version, OS, logical cores, exact memory, and the backend's own facts", async () => {
    const backend = await activateBackend(tf, 'wasm');
    const now = new Date('2026-12-02T00:00:00.000Z');
    const info = await collectNodeMachineInfo(tf, backend, now);
    expect(info).toMatchObject({
      backend: 'wasm',
      runtime: `Node ${process.versions.node}`,
      os: osFamily(process.platform),
      cores: cpus().length,
      date: now.toISOString(),
    });
    expect(info.wasm?.simd).toBe(true);
    expect(info.memory).toEqual({ gib: totalmem() / 2 ** 30, approximate: false });
    expect(describeMachine(info)).toMatch(
      /^wasm \(SIMD, (1 thread|multithreaded)\) · \d+ cores? · \d+(\.\d)? GB RAM · Node \d+\.\d+\.\d+ on \w+ · 2026-12-02$/,
    );
  });
});

// The code view's TF.js code is real: generated for small setups, each program runs in a fresh Node process on
// the cpu backend, trains (its loss falls) and frees what it should (or, with leak=1, visibly does not).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/engine/run';
import { tfjsCode } from '../../src/codegen/tfjs-code';
import { tf, useCpu } from '../engine/helpers';
import { DEFAULT_CONFIG, MODE_NAMES, cloneConfig, type ModeName, type RunConfig } from '../../src/shared/config';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function small(overrides: Partial<RunConfig> = {}): RunConfig {
  return { ...cloneConfig(DEFAULT_CONFIG as RunConfig), backend: 'cpu', samples: 512, features: 8, hidden: [16], epochs: 3, ...overrides };
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  losses: number[];
  tensors: number;
}

/** Runs an ES module given as text with `node --input-type=module`, from the repository root (so imports resolve). */
function runModule(source: string): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const losses = [...stdout.matchAll(/^epoch \d+ loss ([\d.]+)$/gm)].map((m) => Number(m[1]));
      const tensors = Number(/^tensors (\d+)$/m.exec(stdout)?.[1] ?? NaN);
      done({ code, stdout, stderr, losses, tensors });
    });
    child.stdin.end(source);
  });
}

/** Two at a time: the machine may have two cores, and each program loads tfjs. */
async function runAll(sources: string[]): Promise<Ran[]> {
  const results: Ran[] = new Array(sources.length);
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const i = next++;
      results[i] = await runModule(sources[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

function expectTrained(ran: Ran, epochs: number, backend = 'cpu'): void {
  expect(ran.code, ran.stderr).toBe(0);
  expect(ran.stdout).toMatch(new RegExp(`^backend ${backend}$`, 'm'));
  expect(ran.losses, ran.stdout).toHaveLength(epochs);
  for (const loss of ran.losses) expect(Number.isFinite(loss)).toBe(true);
  expect(ran.losses.at(-1)!, ran.stdout).toBeLessThan(ran.losses[0]);
}

describe('generated TF.js code', { timeout: 120_000 }, () => {
  it('runs and trains for every mode (teacher data, arrays)', async () => {
    const config = small();
    const ran = await runAll(MODE_NAMES.map((mode) => tfjsCode(config, mode)));
    MODE_NAMES.forEach((_, i) => expectTrained(ran[i], config.epochs));
    // Model weights and optimizer state are all that is left: the same count for every mode that compiles.
    expect(new Set(ran.map((r) => r.tensors)).size).toBe(1);
  });

  it('runs the generator knobs: classes, computed source, I/O wait, augmentation, per-sample yields, prefetch, pipeline feed', async () => {
    const pipeline = small({
      dataset: 'spirals',
      hidden: [16, 16],
      samples: 512,
      epochs: 4,
      source: 'compute',
      latencyMs: 1,
      augment: 1,
      genYields: 'samples',
      prefetch: 2,
      feed: 'pipeline',
    });
    const cases: [ModeName, RunConfig][] = [
      ['fitDataset', pipeline],
      ['trainOnBatch', pipeline],
      ['loop', { ...pipeline, readback: 4 }],
      [
        'fit',
        small({
          dataset: 'circles',
          hidden: [16, 16],
          epochs: 4,
          shuffle: true,
          validationSplit: 0.2,
          callbacks: false,
          yieldEvery: 'auto',
        }),
      ],
    ];
    const ran = await runAll(cases.map(([mode, config]) => tfjsCode(config, mode)));
    cases.forEach(([, config], i) => expectTrained(ran[i], config.epochs));
    expect(ran[2].stdout).toMatch(/^batch loss /m);
  });

  it('leak=1 leaks one tensor per batch in the loop; stand-in data runs for the fixed data sets', async () => {
    const config = small({ modes: ['loop'], epochs: 2 }); // 16 batches an epoch
    const [clean, leaky, iris, mnist] = await runAll([
      tfjsCode(config, 'loop'),
      tfjsCode({ ...config, leak: true }, 'loop'),
      tfjsCode(small({ dataset: 'iris', epochs: 2 }), 'trainOnBatch'),
      tfjsCode(small({ dataset: 'mnist', samples: 1000, epochs: 1, batchSize: 100 }), 'fit'),
    ]);
    expectTrained(clean, 2);
    expect(leaky.code, leaky.stderr).toBe(0);
    expect(leaky.tensors - clean.tensors).toBe(32);
    expect(tfjsCode({ ...config, leak: true }, 'loop')).not.toMatch(/^\s*loss\.dispose\(\);/m);
    expect(tfjsCode(config, 'loop')).toMatch(/^\s*loss\.dispose\(\);/m);
    for (const ran of [iris, mnist]) {
      expect(ran.code, ran.stderr).toBe(0);
      expect(ran.losses.every(Number.isFinite)).toBe(true);
    }
  });

  it('counts readback=N across the run as the engine does, and registers the tuned wasm kernels when asked', async () => {
    await useCpu();
    // 4 batches an epoch, 3 epochs, a read every 3rd batch: 4 reads across the run (3 if it restarted each epoch).
    const config = small({ modes: ['loop'], samples: 128, epochs: 3, readback: 3 });
    const tuned = small({ modes: ['loop'], backend: 'wasm', kernels: 'tuned', epochs: 2 });
    const [counted, fast] = await runAll([tfjsCode(config, 'loop'), tfjsCode(tuned, 'loop')]);
    const engine = await runExperiment(tf, config, 'cpu', { signal: { stopped: false }, onBatch() {} });
    expect(counted.stdout.match(/^batch loss /gm)?.length).toBe(engine.summaries[0].lossReads);
    expect(engine.summaries[0].lossReads).toBe(4);
    expect(tfjsCode(tuned, 'loop')).toContain('registerTunedWasmKernels(tf);');
    expect(tfjsCode(config, 'loop')).not.toContain('registerTunedWasmKernels');
    expectTrained(fast, 2, 'wasm');
  });

  it('is a standalone module: imports only tfjs (and the backend it asks for), no eval', () => {
    for (const backend of ['auto', 'wasm', 'webgpu', 'cpu'] as const) {
      const code = tfjsCode(small({ backend }), 'fit');
      const imports = [...code.matchAll(/^import .*?'([^']+)';$/gm)].map((m) => m[1]);
      expect(imports[0]).toBe('@tensorflow/tfjs');
      if (backend === 'wasm') expect(imports).toContain('@tensorflow/tfjs-backend-wasm');
      if (backend === 'webgpu') expect(imports).toContain('@tensorflow/tfjs-backend-webgpu');
      expect(code.includes(`setBackend('${backend}')`)).toBe(backend !== 'auto');
      expect(code).not.toMatch(/\beval\(|new Function/);
    }
  });
});

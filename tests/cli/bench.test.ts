// Runs the real CLI as a user would (through tsx), on small configs.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SUMMARY_EXTRA_FIELDS, SUMMARY_FIELDS } from '../../src/shared/metrics';

function bench(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bench.ts', ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run bench', () => {
  it('prints a JSON array with one summary per mode and exactly the summary fields', () => {
    const { code, stdout, stderr } = bench(['--json', '--samples', '256', '--features', '8', '--hidden', '16', '--epochs', '2', '--backend', 'cpu']);
    expect(code, stderr).toBe(0);
    const summaries = JSON.parse(stdout) as Record<string, unknown>[];
    expect(summaries.map((s) => s.mode)).toEqual(['fit', 'fitDataset', 'trainOnBatch', 'loop']);
    for (const s of summaries) {
      expect(Object.keys(s)).toEqual([...SUMMARY_FIELDS, ...SUMMARY_EXTRA_FIELDS]);
      expect(s.refused).toBeNull();
      expect(s.estimatedPeakBytes as number).toBeGreaterThan(0);
      expect(s.backend).toBe('cpu');
      expect(s.batches).toBe(16);
      expect(s.leakedTensors).toBe(0);
      expect(s.initialLoss).toBe(summaries[0].initialLoss);
      expect(s.finalLoss as number).toBeLessThan(s.initialLoss as number);
    }
    // Progress goes to stderr, so stdout is only the JSON.
    expect(stderr).toContain('backend: cpu');
    expect(stderr).not.toContain('tfjs-node');
  });

  it('prints a table on wasm', () => {
    const { code, stdout, stderr } = bench(['--samples', '128', '--features', '4', '--hidden', '8', '--epochs', '1', '--modes', 'fit,loop', '--backend', 'wasm']);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^mode\s+backend\s+samples\s+batchSize/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([['fit', 'wasm'], ['loop', 'wasm']]);
  });

  it('keeps a refused mode in the JSON with its reason and no timings, and still exits 0', () => {
    const { code, stdout, stderr } = bench(['--json', '--samples', '20000', '--features', '32', '--hidden', '8', '--epochs', '1', '--batch', '2000', '--modes', 'fit,fitDataset', '--budget-mb', '1', '--backend', 'cpu']);
    expect(code, stderr).toBe(0);
    const [fit, fitDataset] = JSON.parse(stdout) as Record<string, unknown>[];
    expect(fit.refused).toMatch(/fit refused: its estimated peak of [\d.]+ MB .* exceeds the memory budget of 1\.0 MB/);
    expect(fit.msPerBatchMedian).toBeNull();
    expect(fit.estimatedPeakBytes as number).toBeGreaterThan(2_000_000);
    expect(fitDataset.refused).toBeNull();
    expect(fitDataset.batches).toBe(10);
    expect(fitDataset.residentBytes).toBe(0);
  });

  it('exits non-zero with a clear message on a bad flag or an unusable backend', () => {
    const bad = bench(['--batch', '-3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('batch: "-3" outside 1…65536');
    expect(bad.stdout).toBe('');
    const webgl = bench(['--backend', 'webgl', '--samples', '64']);
    expect(webgl.code).toBe(3);
    expect(webgl.stderr).toContain('webgl is a browser backend');
    const combo = bench(['--modes', 'loop', '--shuffle']);
    expect(combo.code).toBe(2);
    expect(combo.stderr).toContain('shuffle applies to fit only');
  });

  // FITSCOPE_SKIP_WEBGPU=1 asks to skip the WebGPU checks: reported as skipped, not as a pass that checked nothing.
  it.skipIf(process.env.FITSCOPE_SKIP_WEBGPU === '1')('on webgpu, names the adapter; without one, says so in one line and exits non-zero instead of falling back', () => {
    const run = bench(['--backend', 'webgpu', '--samples', '32', '--features', '4', '--hidden', '4', '--epochs', '1', '--modes', 'loop']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^adapter: .+/m);
    expect(run.stdout).toMatch(/^loop\s+webgpu/m);
    // EGL without a display: Dawn finds no adapter at all.
    const none = bench(['--backend', 'webgpu', '--samples', '32'], { EGL_PLATFORM: 'x11', DISPLAY: '' });
    expect(none.code).toBe(3);
    const ours = none.stderr.split('\n').filter((l) => l.startsWith('fitscope bench:'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain('no WebGPU adapter');
    expect(none.stdout).toBe('');
  });
});

// Runs the real CLI as a user would (through tsx), on small configs.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SUMMARY_EXTRA_FIELDS, SUMMARY_FIELDS } from '../../src/shared/metrics';

function bench(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bench.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run bench', () => {
  it("prints one JSON document (the page's export format) with one summary per mode and exactly the summary fields", () => {
    const { code, stdout, stderr } = bench([
      '--json',
      '--samples',
      '256',
      '--features',
      '8',
      '--hidden',
      '16',
      '--epochs',
      '2',
      '--backend',
      'cpu',
    ]);
    expect(code, stderr).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ tool: 'fitscope', format: 1 });
    const [run] = doc.runs;
    expect(run.machine.cores).toBeGreaterThan(0);
    expect(run.config.samples).toBe(256);
    expect(run.comparisons.map((c: { mode: string }) => c.mode)).toEqual(expect.arrayContaining(['fit', 'fitDataset', 'trainOnBatch']));
    for (const c of run.comparisons) expect(['different', 'equivalent', 'inconclusive']).toContain(c.verdict);
    const summaries = run.summaries as Record<string, unknown>[];
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
    const { code, stdout, stderr } = bench([
      '--samples',
      '128',
      '--features',
      '4',
      '--hidden',
      '8',
      '--epochs',
      '1',
      '--modes',
      'fit,loop',
      '--backend',
      'wasm',
    ]);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^mode\s+backend\s+batches\s+repeats\s+warm-up\s+ms\/batch p50\s+95% CI\s+p5\s+p95/);
    expect(lines.slice(1, 3).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
      ['fit', 'wasm'],
      ['loop', 'wasm'],
    ]);
    expect(stdout).toMatch(
      /^ {2}fit vs loop: (fit takes [\d.]+× as long as loop \(95 % CI [\d.]+–[\d.]+\)|loop takes .*|no measurable difference \(within ±3 %\)|inconclusive: add repeats|inconclusive: not enough data)$/m,
    );
    expect(stdout).toContain('one run per mode: intervals come from its batches');
  });

  it('keeps stdout pure JSON when run through npm (the data step logs to stderr)', () => {
    const result = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'bench',
        '--',
        '--json',
        '--samples',
        '64',
        '--features',
        '4',
        '--hidden',
        '4',
        '--epochs',
        '1',
        '--modes',
        'loop',
        '--backend',
        'cpu',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    const plain = spawnSync(
      'npm',
      [
        'run',
        'bench',
        '--',
        '--json',
        '--samples',
        '64',
        '--features',
        '4',
        '--hidden',
        '4',
        '--epochs',
        '1',
        '--modes',
        'loop',
        '--backend',
        'cpu',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    // npm itself prints its "> fitscope@… bench" banner on stdout without --silent; everything after it is ours.
    expect(() => JSON.parse(plain.stdout.slice(plain.stdout.indexOf('{')))).not.toThrow();
    expect(plain.stdout.slice(0, plain.stdout.indexOf('{'))).not.toContain('data:');
  });

  it("prints every mode's interval and verdict with --repeats", () => {
    const { code, stdout, stderr } = bench([
      '--repeats',
      '3',
      '--samples',
      '256',
      '--features',
      '4',
      '--hidden',
      '8',
      '--epochs',
      '1',
      '--modes',
      'trainOnBatch,loop',
      '--backend',
      'cpu',
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('intervals from 3 repeats in rotated order');
    expect(stdout).toMatch(/^ {2}trainOnBatch vs loop: /m);
    expect(stderr).toContain('(repeat 3/3)');
  });

  it('keeps a refused mode in the JSON with its reason and no timings, and still exits 0', () => {
    const { code, stdout, stderr } = bench([
      '--json',
      '--samples',
      '20000',
      '--features',
      '32',
      '--hidden',
      '8',
      '--epochs',
      '1',
      '--batch',
      '2000',
      '--modes',
      'fit,fitDataset',
      '--budget-mb',
      '2',
      '--backend',
      'cpu',
    ]);
    expect(code, stderr).toBe(0);
    const [fit, fitDataset] = JSON.parse(stdout).runs[0].summaries as Record<string, unknown>[];
    expect(fit.refused).toMatch(/fit refused: its estimated peak of [\d.]+ MB .* exceeds the memory budget of 2\.0 MB/);
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
  it.skipIf(process.env.FITSCOPE_SKIP_WEBGPU === '1')(
    'on webgpu, names the adapter; without one, says so in one line and exits non-zero instead of falling back',
    () => {
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
    },
  );
});

// The Keras runner's --json is the document bench writes and the page imports: the engine named, the machine,
// the verdicts, and memory named as what it is (process RSS), never as tensor bytes.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kerasVenv } from './keras-env';

const venv = await kerasVenv();

/** The Keras runner's --json on a tiny setup (fit and the loop), with `extra` flags. */
const kerasJson = (extra: string[] = []) =>
  spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/keras.ts',
      '--json',
      ...['--samples', '256', '--features', '4', '--hidden', '8', '--epochs', '1', '--modes', 'fit,loop'],
      ...extra,
      '--python',
      venv.ok ? venv.python : '',
    ],
    { encoding: 'utf8', timeout: 600_000 },
  );

describe('keras --json', () => {
  it.skipIf(!venv.ok)('prints one fitscope document with the engine, the machine and process-RSS memory', { timeout: 600_000 }, () => {
    const run = kerasJson();
    expect(run.status, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ tool: 'fitscope', format: 1 });
    const [result] = doc.runs;
    expect(result.engine).toMatch(/^Keras \d+\.\d+\.\d+ \/ TensorFlow \d+\.\d+\.\d+, native CPU, 1 thread$/);
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.summaries.map((s: { mode: string }) => s.mode)).toEqual(['fit', 'loop']);
    for (const s of result.summaries) {
      expect(s.peakSource).toBe('process-rss');
      expect(s.peakBytes).toBeNull();
      expect(s.peakRssBytes).toBeGreaterThan(0);
      expect(s.memoryQuantity).toMatch(/process RSS/);
    }
    expect(result.comparisons[0]).toMatchObject({ mode: 'fit', other: 'loop' });
  });

  it.skipIf(!venv.ok)('runs repeats in one process and takes the intervals and verdicts from them', { timeout: 600_000 }, () => {
    const run = kerasJson(['--repeats', '3']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/keras: 3 repeats of fit, loop/);
    const [result] = JSON.parse(run.stdout).runs;
    expect(result.config.repeats).toBe(3);
    for (const s of result.summaries) {
      expect(s).toMatchObject({ repeats: 3, repeatsPlanned: 3, intervalBasis: 'repeats' });
      expect(s.msPerBatchLow).toBeLessThanOrEqual(s.msPerBatchMedian);
      expect(s.msPerBatchHigh).toBeGreaterThanOrEqual(s.msPerBatchMedian);
      expect(s.memoryQuantity).toMatch(/shared by the modes/);
    }
    const vsLoop = result.comparisons.find((c: { mode: string; against: string }) => c.mode === 'fit' && c.against === 'loop');
    expect(vsLoop).toMatchObject({ basis: 'repeats', n: 3 });
    expect(['different', 'equivalent', 'inconclusive']).toContain(vsLoop.verdict);
  });
});

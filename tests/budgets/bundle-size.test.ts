// The page's own code stays small: the main bundle (what loads before the page can render) is at most
// 200 kB gzip. tfjs lives in the worker's bundle and does not count against it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSizes } from '../../scripts/lib/bundle-sizes';
import { buildApp } from '../browser/harness';

const MAIN_BUDGET = 200 * 1024;

describe('bundle budget', () => {
  it('keeps the main bundle at or under 200 kB gzip, with tfjs only in the worker', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'fitscope-bundle-'));
    await buildApp(outDir);
    const sizes = bundleSizes(outDir);
    expect(sizes.main).toBeGreaterThan(50 * 1024); // React and recharts are in it: a real measurement
    expect(sizes.main, `main bundle ${(sizes.main / 1024).toFixed(1)} kB gzip`).toBeLessThanOrEqual(MAIN_BUDGET);
    expect(sizes.worker).toBeGreaterThan(250 * 1024);
  }, 180_000);
});

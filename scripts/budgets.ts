// fitscope's budgets, as numbers (a person reads them; only the main bundle size is also a test):
// main and worker bundle gzip size, time from Run to the first chart point on wasm (cold worker and warm),
// the streaming overhead ratio, and the worst main-thread long task and heap growth during a long run.
//   npm run budgets [-- --long-batches 20000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, chromiumAvailable, startApp } from '../tests/browser/harness';
import { newestRunId, waitForRunEnd } from '../tests/browser/run-actions';
import { bundleSizes } from './lib/bundle-sizes';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function bundles(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'fitscope-budgets-'));
  await buildApp(outDir);
  const sizes = bundleSizes(outDir);
  console.log(
    `main bundle: ${kb(sizes.main)} gzip (budget 200 kB); worker bundle: ${kb(sizes.worker)} gzip; on demand: ${
      Object.entries(sizes.lazy)
        .map(([f, s]) => `${f.replace(/^assets\//, '')} ${kb(s)}`)
        .join(', ') || 'none'
    }`,
  );
}

/** Milliseconds from the Run click to the first loss point drawn, measured in the page. The chart must have
 *  no lines when it starts, or an earlier run's line counts as the first point. (Text: tsx's name helpers
 *  would not exist in the page.) */
const FIRST_POINT = `new Promise((resolve) => {
  const t0 = performance.now();
  [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run').click();
  const check = () => document.querySelector('[data-testid="loss-chart"] g.trace-line path[d*="L"]') ? resolve(performance.now() - t0) : requestAnimationFrame(check);
  check();
})`;

async function firstPoint(): Promise<void> {
  if (!chromiumAvailable()) return console.log('time to first point: skipped (no Chromium)');
  const app = await startApp();
  try {
    const { page } = await app.open('/?backend=wasm&samples=4096&batch=32&epochs=1&modes=loop');
    await page.waitForSelector('[data-testid="run-status"]');
    const cold = (await page.evaluate(FIRST_POINT)) as number;
    // Its point is drawn, so its run is on the page: wait for that run's own end.
    await waitForRunEnd(page, { runId: await newestRunId(page) });
    // Reset takes run 1 off the chart, so the warm run starts from an empty chart as the cold one did.
    await page.locator('[data-testid="reset"]').click();
    await page.waitForSelector('[data-testid="loss-chart"] g.trace-line path', { state: 'detached' });
    const warm = (await page.evaluate(FIRST_POINT)) as number;
    await waitForRunEnd(page, { runId: await newestRunId(page) });
    console.log(
      `Run → first chart point on wasm: ${cold.toFixed(0)} ms with a cold worker (loads tfjs and compiles wasm), ${warm.toFixed(0)} ms warm`,
    );
  } finally {
    await app.close();
  }
}

function script(args: string[], keep: RegExp): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', timeout: 30 * 60_000 });
  const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => keep.test(l));
  for (const line of lines) console.log(`  ${line}`);
  if (run.status !== 0) console.log(`  (exited ${run.status})`);
}

await bundles();
await firstPoint();
console.log('streaming overhead (scripts/observer-bench.ts, wasm, best of 3):');
script(['scripts/observer-bench.ts', '--rounds', '3', '--samples', '4096', '--backends', 'wasm'], /^(backend|wasm)/);
const batches = arg('long-batches', 8000);
console.log(`long run (scripts/browser-longtasks.ts, ${batches} batches on wasm, all charts on screen):`);
script(['scripts/browser-longtasks.ts', '--batches', String(batches)], /^(run:|long tasks|frame intervals|page JS heap)/);
process.exit(0);

// Runs in Node, driving Debian's Chromium: the built app end to end, training in its worker on WebGPU
// (SwiftShader), wasm and cpu. Configs are tiny: WebGPU on SwiftShader takes ~50–90 ms a step.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, MODE_NAMES } from '../../src/shared/config';
import { chromiumAvailable, CHROMIUM_PATH, isLocal, startApp, type AppHarness, type PageLog } from './harness';

const RUN_TIMEOUT = 120_000;
const available = chromiumAvailable();
if (!available) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set FITSCOPE_CHROMIUM).`);

async function waitForRunEnd(page: Page): Promise<string> {
  const status = page.locator('[data-testid="run-status"]');
  await page.waitForSelector('[data-testid="run-status"][data-phase="done"], [data-testid="run-status"][data-phase="failed"]', { timeout: RUN_TIMEOUT });
  return (await status.getAttribute('data-phase')) ?? '';
}

async function noticeText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="notice"]').textContent()) ?? '';
}

function expectCleanLog(log: PageLog): void {
  expect(log.errors).toEqual([]);
  expect(log.requests.length).toBeGreaterThan(0);
  expect(log.requests.filter((u) => !isLocal(u))).toEqual([]);
}

/** The `d` of every drawn line in a chart, with its number of segments. */
async function linePaths(page: Page, chart: string): Promise<{ d: string; segments: number }[]> {
  const ds = await page.locator(`[data-testid="${chart}-chart"] path.recharts-line-curve`).evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
  return ds.map((d) => ({ d, segments: (d.match(/[LC]/g) ?? []).length }));
}

describe.skipIf(!available)('fitscope in Chromium', { timeout: 240_000 }, () => {
  let app: AppHarness;

  beforeAll(async () => {
    app = await startApp();
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  });

  it('trains every mode on WebGPU in the worker and shows badge, charts and summary', async () => {
    const { page, log } = await app.open('/?backend=webgpu&samples=64&batch=16&epochs=1&hidden=8&features=4&autorun=1');
    const phase = await waitForRunEnd(page);
    expect(phase, await noticeText(page)).toBe('done');

    const badge = page.locator('[data-testid="backend-badge"]');
    expect(await badge.getAttribute('data-backend')).toBe('webgpu');
    expect(await badge.textContent()).toMatch(/webgpu/);

    const rows = page.locator('[data-testid="summary-table"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-mode')))).toEqual([...MODE_NAMES]);
    expect(await page.locator('[data-testid="summary-table"] tbody tr:first-child td').first().textContent()).toBe('webgpu');

    // 4 batches per mode: every mode drew a line through all of them.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="loss-chart"] path.recharts-line-curve').length === 4);
    const loss = await linePaths(page, 'loss');
    expect(loss).toHaveLength(4);
    for (const line of loss) expect(line.segments, line.d).toBeGreaterThanOrEqual(3);
    expect(await linePaths(page, 'memory')).toHaveLength(4);

    // Every batch reached the page (reconciled with the result's count).
    expect(await page.locator('[data-testid="run-status"]').textContent()).toMatch(/16 batches/);
    expect(await page.locator('[data-testid="notice"] [data-kind="error"]').count()).toBe(0);
    expectCleanLog(log);
    await page.close();
  });

  it('runs on wasm from the bundled .wasm files', async () => {
    const { page, log } = await app.open('/?backend=wasm&samples=256&batch=32&epochs=1&hidden=8&features=4&modes=fit,loop&autorun=1');
    expect(await waitForRunEnd(page), await noticeText(page)).toBe('done');
    expect(await page.locator('[data-testid="backend-badge"]').getAttribute('data-backend')).toBe('wasm');
    expect(await page.locator('[data-testid="summary-table"] tbody tr').count()).toBe(2);
    expect(log.requests.some((u) => /\.wasm$/.test(u))).toBe(true);
    expectCleanLog(log);
    await page.close();
  });

  it('stops a long run from the Stop button', async () => {
    const { page, log } = await app.open('/?backend=cpu&samples=1000000&batch=8&epochs=5&hidden=8&features=4&modes=loop&autorun=1');
    await page.waitForFunction(() => /\d+ batches/.test(document.querySelector('[data-testid="run-status"]')?.textContent ?? ''), undefined, { timeout: RUN_TIMEOUT });
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(await waitForRunEnd(page), await noticeText(page)).toBe('done');
    expect(await noticeText(page)).toMatch(/Stopped after \d+ batches/);
    expect(await page.locator('[data-testid="summary-table"] tbody tr').count()).toBe(1);
    expectCleanLog(log);
    await page.close();
  });

  it('explains why WebGPU is unusable and falls back under auto', async () => {
    // Chromium here offers WebGPU only with --enable-unsafe-webgpu: without it requestAdapter() gives null.
    const { page, log } = await app.open('/?samples=64&batch=16&epochs=1&hidden=8&features=4&modes=loop&autorun=1', { webgpu: false });
    expect(await waitForRunEnd(page), await noticeText(page)).toBe('done');
    const badge = page.locator('[data-testid="backend-badge"]');
    expect(await badge.getAttribute('data-backend')).not.toBe('webgpu');
    expect(await badge.textContent()).toMatch(/webgpu: (no WebGPU adapter|navigator\.gpu missing)/);
    expectCleanLog(log);
    await page.close();
  });

  it('repairs a bad link: names the field in the notice and keeps the defaults', async () => {
    const { page, log } = await app.open('/?samples=banana&modes=nope');
    const notice = page.locator('[data-testid="notice"]');
    await notice.waitFor({ state: 'visible' });
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/samples/);
    expect(text).toMatch(/banana/);
    expect(text).toMatch(/modes/);
    expect(await page.getByLabel('Samples', { exact: true }).inputValue()).toBe(String(DEFAULT_CONFIG.samples));
    for (const mode of MODE_NAMES) expect(await page.getByRole('checkbox', { name: mode, exact: true }).isChecked()).toBe(true);
    // Nothing ran, and the address bar still shows what the user gave until they edit.
    expect(await page.locator('[data-testid="run-status"]').getAttribute('data-phase')).toBe('idle');
    await page.getByLabel('Samples', { exact: true }).fill('512');
    await expect.poll(() => page.evaluate(() => window.location.search)).toBe('?v=1&samples=512');
    expectCleanLog(log);
    await page.close();
  });

  it('says when a setting has no effect with the chosen modes', async () => {
    const { page, log } = await app.open('/?modes=loop&shuffle=1');
    const notice = page.locator('[data-testid="notice"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toMatch(/No effect: shuffle applies to fit only/);
    // Ticking fit makes the hint go away.
    await page.getByRole('checkbox', { name: 'fit', exact: true }).check();
    await expect.poll(() => notice.isVisible()).toBe(false);
    expectCleanLog(log);
    await page.close();
  });
});

// Runs in Node, driving Debian's Chromium against the built app: the user's CSV file, and the page holding up
// under faults: a backend that cannot start, a data file that fails to load mid-run, a worker that dies
// without a word, and random links. Each time the page says what happened, keeps the runs it showed, and the
// next run works. Tiny configs on wasm.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clearKeptRuns, noticeText, startRun, waitForBatches, waitForRunEnd } from './run-actions';
import { useApp } from './use-app';
import { FIELD_TABLE } from '../../src/shared/config';
import { chromiumAvailable, isLocal } from './harness';

const available = chromiumAvailable();
const TINY = 'backend=wasm&samples=128&batch=32&epochs=1&hidden=8&features=4&modes=fit,loop';

const runItems = (page: Page) => page.locator('[data-testid="run-item"]').count();
const summaryRows = (page: Page) => page.locator('[data-testid="summary-table"] tbody tr').count();

describe.skipIf(!available)('faults and untrusted input in Chromium', { timeout: 240_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'fitscope-e2e-'));
  const app = useApp();

  it('trains on a CSV file chosen on the page, and a malformed file names its line and keeps the previous one', async () => {
    const good = join(folder, 'waves.csv');
    writeFileSync(
      good,
      [
        's,c,note,dir',
        ...Array.from(
          { length: 200 },
          (_, i) => `${Math.sin(i).toFixed(4)},${Math.cos(3 * i).toFixed(4)},"row ${i}",${Math.sin(i) > 0 ? 'up' : 'down'}`,
        ),
      ].join('\n'),
    );
    const bad = join(folder, 'bad.csv');
    writeFileSync(bad, ['a,b,label', '1,2,x', '3,oops,y', ...Array.from({ length: 20 }, (_, i) => `${i},${i},x`)].join('\n'));
    const { page, log } = await app().open('/?dataset=csv&backend=wasm&modes=fitDataset,loop&epochs=3&batch=16&hidden=8');
    expect(await noticeText(page)).toContain('Choose a CSV file');
    await page.locator('[data-testid="csv-input"]').setInputFiles(good);
    await page.waitForSelector('[data-testid="csv-summary"]');
    const summary = (await page.locator('[data-testid="csv-summary"]').textContent()) ?? '';
    expect(summary).toContain('waves.csv: 200 rows, 2 numeric features, 2 classes');
    expect(summary).toContain('column "note" holds text');
    const run = await startRun(page);
    expect(await waitForRunEnd(page, { runId: run }), await noticeText(page)).toBe('done');
    expect(await summaryRows(page)).toBe(2);

    await page.locator('[data-testid="csv-input"]').setInputFiles(bad);
    await page.waitForSelector('[data-testid="csv-error"]');
    expect(await page.locator('[data-testid="csv-error"]').textContent()).toContain(
      'bad.csv: line 3, column "b": "oops" is not a number (still using waves.csv)',
    );
    expect(await page.locator('[data-testid="csv-summary"]').textContent()).toContain('waves.csv');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('a backend that cannot start: the page says why, keeps the earlier run, and the next run works', async () => {
    const { page } = await app().open(`/?${TINY}&autorun=1`, { webgpu: false });
    expect(await waitForRunEnd(page)).toBe('done');
    expect(await runItems(page)).toBe(1);
    await page.selectOption('select[name="backend"]', 'webgpu');
    const failing = await startRun(page);
    expect(await waitForRunEnd(page, { runId: failing })).toBe('failed');
    expect(await noticeText(page)).toMatch(/webgpu/i);
    expect(await noticeText(page)).toMatch(/adapter|navigator\.gpu/);
    expect(await runItems(page)).toBe(2);
    await page.selectOption('select[name="backend"]', 'wasm');
    const next = await startRun(page);
    expect(await waitForRunEnd(page, { runId: next })).toBe('done');
    await page.close();
  });

  it('a data file that fails to load during a run is reported in words, and the next run works', async () => {
    const { page } = await app().open(`/?${TINY}&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('done');
    // The second MNIST shard is gone: the run reads the first and fails on the second.
    await page.context().route('**/data/mnist/train-1.gzip.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await clearKeptRuns(page);
    await page.goto(
      `${app().baseUrl}/?dataset=mnist&samples=10000&batch=500&epochs=1&hidden=8&backend=wasm&modes=fitDataset&source=shards&autorun=1`,
    );
    expect(await waitForRunEnd(page)).toBe('failed');
    expect(await noticeText(page)).toContain('could not load data file mnist/train-1.gzip.bin: HTTP 404');
    await page.context().unroute('**/data/mnist/train-1.gzip.bin');
    const next = await startRun(page);
    expect(await waitForRunEnd(page, { runId: next })).toBe('done');
    await page.close();
  });

  it('a worker that dies without an error event is noticed, earlier runs stay, and a fresh worker runs next', async () => {
    const { page } = await app().open(`/?${TINY}&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('done');
    expect(await summaryRows(page)).toBeGreaterThan(0);
    // A long run in the same page, so the first run must survive the crash.
    for (const [key, value] of [
      ['samples', '200000'],
      ['batch', '8'],
      ['epochs', '5'],
    ]) {
      await page.fill(`input[name="${key}"]`, value);
      await page.press(`input[name="${key}"]`, 'Tab');
    }
    const long = await startRun(page);
    await page.waitForSelector('[data-testid="run-status"][data-phase="running"]');
    await waitForBatches(page, 1, 30_000);
    const worker = page.workers()[0];
    await worker.evaluate(() => (self as unknown as { close(): void }).close());
    expect(await waitForRunEnd(page, { runId: long, timeout: 60_000 })).toBe('failed');
    expect(await noticeText(page)).toContain('stopped responding');
    expect(await runItems(page)).toBe(2);
    expect(await page.locator('[data-testid="run-item"][data-phase="done"]').count()).toBe(1);
    await page.fill('input[name="samples"]', '128');
    await page.press('input[name="samples"]', 'Tab');
    const next = await startRun(page);
    expect(await waitForRunEnd(page, { runId: next })).toBe('done');
    await page.close();
  }, 120_000);

  it('random and hostile links: the page renders, throws nothing, and names what it changed', async () => {
    const keys = FIELD_TABLE.map((f) => f.key);
    const value = fc.oneof(
      fc.constantFrom(
        'NaN',
        '-1',
        '1e999',
        '<img src=x onerror=alert(1)>',
        '"><script>alert(1)</script>',
        '%E0%A4%A',
        'ﷺ',
        '😀'.repeat(50),
        'x'.repeat(5000),
      ),
      fc.string({ maxLength: 12 }),
    );
    const links = fc.sample(
      fc.array(fc.tuple(fc.constantFrom(...keys, 'v', 'embed', 'hide', 'x', 'zzz'), value), { minLength: 1, maxLength: 6 }),
      { numRuns: 25, seed: 4242 },
    );
    const { page, log } = await app().open('/');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    for (const pairs of links) {
      const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
      await page.goto(`${app().baseUrl}/?${query}`);
      await page.waitForSelector('[data-testid="run-status"]');
      const bad = pairs.filter(([k]) => keys.includes(k)).map(([k]) => k);
      if (bad.length && pairs.some(([, v]) => v.startsWith('<')))
        expect(await noticeText(page)).toMatch(new RegExp(bad.map((k) => k.replace(/[-]/g, '\\-')).join('|')));
    }
    expect(dialogs).toBe(0);
    expect(log.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    expect(log.requests.filter((u) => !isLocal(u))).toEqual([]);
    await page.close();
  });

  it('keeps training while the tab is hidden (no animation frames), and the charts catch up when it returns', async () => {
    const { page, log } = await app().open('/?backend=wasm&samples=2048&batch=16&epochs=1&hidden=8&features=4&modes=loop');
    // A hidden tab gets no animation frames: hold every frame callback while "hidden", as Chromium does.
    await page.evaluate(() => {
      const w = window as unknown as { __hidden: boolean; __held: FrameRequestCallback[] };
      w.__hidden = false;
      w.__held = [];
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) => (w.__hidden ? (w.__held.push(cb), 0) : raf(cb));
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (w.__hidden ? 'hidden' : 'visible') });
    });
    const run = await startRun(page);
    await page.evaluate(() => {
      (window as unknown as { __hidden: boolean }).__hidden = true;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // The run finishes although the page drew nothing meanwhile: training never waits for a frame.
    expect(await waitForRunEnd(page, { runId: run })).toBe('done');
    const drawnWhileHidden = await page
      .locator('[data-testid="loss-chart"] g.trace-line path')
      .evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').split('L').length - 1));
    await page.evaluate(() => {
      const w = window as unknown as { __hidden: boolean; __held: FrameRequestCallback[] };
      w.__hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      for (const cb of w.__held.splice(0)) cb(performance.now());
    });
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('[data-testid="loss-chart"] g.trace-line path')).some(
          (p) => (p.getAttribute('d') ?? '').split('L').length - 1 >= 100,
        ),
      undefined,
      { timeout: 15_000 },
    );
    expect(Math.max(0, ...drawnWhileHidden)).toBeLessThan(100);
    expect(await page.locator('[data-testid="run-status"]').textContent()).toMatch(/128 batches/);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('stops each mode at a random batch on WebGPU without leaking, and the next run completes', async () => {
    const { page } = await app().open('/?backend=webgpu&samples=320&batch=16&epochs=1&hidden=8&features=4');
    const stopAfter = [3, 7, 5, 11];
    for (const [i, mode] of ['fit', 'fitDataset', 'trainOnBatch', 'loop'].entries()) {
      await page.goto(`${app().baseUrl}/?backend=webgpu&samples=320&batch=16&epochs=1&hidden=8&features=4&modes=${mode}`);
      // The batch count is one of the table's detail columns.
      await page.getByTestId('all-columns').check();
      const stopped = await startRun(page);
      await waitForBatches(page, stopAfter[i], 60_000);
      await page.getByRole('button', { name: /^Stop/ }).first().click();
      expect(await waitForRunEnd(page, { runId: stopped }), mode).toBe('done');
      const row = page.locator(`[data-testid="summary-table"] tbody tr[data-mode="${mode}"]`).last();
      expect(Number(await row.locator('td[data-col="batches"]').textContent()), mode).toBeLessThan(20);
      expect((await row.locator('td[data-col="leakedTensors"]').textContent())?.trim(), mode).toBe('0');
      const next = await startRun(page);
      expect(await waitForRunEnd(page, { runId: next }), `${mode} after the stop`).toBe('done');
      expect(
        (
          await page
            .locator(`[data-testid="summary-table"] tbody tr[data-mode="${mode}"]`)
            .last()
            .locator('td[data-col="batches"]')
            .textContent()
        )?.trim(),
      ).toBe('20');
    }
    await page.close();
  }, 200_000);
});

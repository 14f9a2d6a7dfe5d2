// Runs in Node, driving Debian's Chromium: results that travel and runs that survive a reload. A tiny cpu run
// comes back after a reload (IndexedDB); exported as JSON, emptied with Reset and imported, it gives the same
// summary table; a bad file leaves the page as it was with one message; `?embed=1&ref=…` draws a shipped
// reference run at 320 px before any run; the embed view stores nothing without keep=1.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, expectCleanLog, type AppHarness } from './harness';
import { startRun, waitForRunEnd } from './run-actions';
import { useApp } from './use-app';

const available = chromiumAvailable();
if (!available)
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set FITSCOPE_CHROMIUM).`);

/** Restoring, reading and drawing take a few seconds on a busy machine. */
const POLL = { timeout: 15_000 };
const TINY = '?backend=cpu&modes=fit,loop&samples=64&batch=16&epochs=1&hidden=8&features=4';

/**
 * Opens `path` with this origin's saved runs deleted first: every page of a harness shares one browser
 * profile, so runs kept by an earlier test would otherwise come back.
 */
/** Responses with an error status, for the message of a failed clean-log check. */
const failed: string[] = [];

async function openFresh(app: AppHarness, path: string) {
  // The embed view keeps nothing, so this page holds no connection to the store it deletes.
  const opened = await app.open('/?embed=1');
  opened.page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await opened.page.evaluate(
    () =>
      new Promise<void>((done) => {
        // The app's pages close their connection when asked (versionchange), so this does not stay blocked.
        const req = indexedDB.deleteDatabase('fitscope');
        req.onsuccess = req.onerror = () => done();
      }),
  );
  await opened.page.goto(`${app.baseUrl}${path}`);
  return opened;
}

/** Runs saved in this origin's store (0 when there is no store yet). */
const savedRuns = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((done) => {
        const req = indexedDB.open('fitscope');
        // No store yet: leave it to the app to create, rather than making an empty one here.
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onerror = () => done(0);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('runs')) return done((db.close(), 0));
          const count = db.transaction('runs', 'readonly').objectStore('runs').count();
          count.onsuccess = () => done((db.close(), count.result));
          count.onerror = () => done((db.close(), 0));
        };
      }),
  );

async function waitForSaved(page: Page, n: number): Promise<void> {
  await expect.poll(() => savedRuns(page), POLL).toBe(n);
}

/** The summary table, one line per mode row: the label cell with the run's origin left out, then every cell. */
const summaryTable = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="summary-table"] tbody tr').evaluateAll((rows) =>
    rows.map((tr) =>
      Array.from(tr.children)
        .map((c) => (c.textContent ?? '').replace(/ · (imported|reference)/, ''))
        .join(' | '),
    ),
  );

const runItems = (page: Page) => page.locator('[data-testid="run-item"]');

describe.skipIf(!available)('results that travel', { timeout: 240_000 }, () => {
  const app = useApp();

  it('keeps a run across a reload; export, Reset and import give the same table; a bad file changes nothing', async () => {
    const { page, log } = await openFresh(app(), `/${TINY}`);
    const id = await startRun(page);
    expect(await waitForRunEnd(page, { runId: id })).toBe('done');
    const table = await summaryTable(page);
    expect(table).toHaveLength(2);
    await waitForSaved(page, 1);

    // A reload brings the run back, with its table and its machine line.
    await page.reload();
    await expect.poll(() => runItems(page).count(), POLL).toBe(1);
    expect(await summaryTable(page)).toEqual(table);
    expect(await page.locator('[data-testid="run-machine"]').textContent()).toMatch(/^cpu · \d+ cores? · .*Chrom.* · \d{4}-\d{2}-\d{2}$/);

    // Export, empty the page (and the store), import the file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-json"]').click()]);
    const file = await readFile((await download.path())!);
    expect(JSON.parse(file.toString()).runs[0].machine.backend).toBe('cpu');
    await page.locator('[data-testid="reset"]').click();
    await expect.poll(() => runItems(page).count(), POLL).toBe(0);
    await waitForSaved(page, 0);
    await page.locator('[data-testid="import-input"]').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: file });
    await expect.poll(() => page.locator('[data-testid="import-message"]').textContent(), POLL).toMatch(/^Imported 1 run from "run\.json"/);
    expect(await runItems(page).getAttribute('data-origin')).toBe('imported');
    expect(await summaryTable(page)).toEqual(table);

    // A truncated file: one message, nothing else changes.
    const before = await page.locator('[data-testid="runs-panel"]').innerHTML();
    await page
      .locator('[data-testid="import-input"]')
      .setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: file.subarray(0, file.length >> 1) });
    const message = page.locator('[data-testid="import-message"][data-kind="error"]');
    await expect.poll(() => message.textContent(), POLL).toMatch(/^"cut\.json" is not valid JSON/);
    expect(await page.locator('[data-testid="import-message"]').count()).toBe(1);
    expect(await page.locator('[data-testid="runs-panel"]').innerHTML()).toBe(before);
    expect(await summaryTable(page)).toEqual(table);
    expect(failed).toEqual([]);
    expectCleanLog(log);
  });

  it('draws a shipped reference run in the 320 px embed view before any run', async () => {
    const { page, log } = await openFresh(app(), '/?embed=1&ref=small-data-fit&backend=cpu');
    await page.setViewportSize({ width: 320, height: 900 });
    await expect.poll(() => runItems(page).count(), POLL).toBe(1);
    const item = runItems(page).first();
    expect(await item.getAttribute('data-origin')).toBe('reference');
    expect(await item.getAttribute('data-phase')).toBe('done');
    expect(await item.locator('[data-testid="run-machine"]').textContent()).toMatch(/^wasm \(SIMD.*Node/);
    // Drawn, faintly: every line of the loss chart belongs to the reference and has points.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="loss-chart"] g.trace-line[data-reference="1"] path[d*="L"]').length >= 4,
      undefined,
      { timeout: 10_000 },
    );
    const opacities = await page
      .locator('[data-testid="loss-chart"] g.trace-line[data-reference="1"] path')
      .evaluateAll((ps) => ps.map((p) => Number(p.getAttribute('stroke-opacity'))));
    expect(opacities.every((o) => o < 1)).toBe(true);
    expect(await page.locator('[data-testid="summary-table"] tbody tr').count()).toBe(4);
    // Nothing ran, nothing was kept, and the page fits its 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await savedRuns(page)).toBe(0);
    expectCleanLog(log);
  });

  it('refuses a ref that is not a shipped file, with a notice, and fetches nothing for it', async () => {
    const { page, log } = await openFresh(
      app(),
      `/?ref=${encodeURIComponent('../../etc/passwd')},${encodeURIComponent('https://example.org/x.json')}`,
    );
    await expect.poll(() => page.locator('[data-testid="notice"]').textContent(), POLL).toMatch(/ref: ignored/);
    const fetched = log.requests.filter((u) => !u.includes('?ref='));
    expect(fetched.filter((u) => u.includes('passwd') || u.includes('example.org') || u.includes('/refs/'))).toEqual([]);
    expect(await runItems(page).count()).toBe(0);
  });

  it('stores nothing in the embed view unless the link says keep=1', async () => {
    const { page } = await openFresh(app(), `/${TINY}&embed=1&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('done');
    await page.waitForTimeout(500);
    expect(await savedRuns(page)).toBe(0);
    await page.goto(`${app().baseUrl}/${TINY}&embed=1&keep=1&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('done');
    await waitForSaved(page, 1);
    await page.reload();
    await expect.poll(() => runItems(page).count(), POLL).toBe(1);
  });
});

// Runs in Node, driving Debian's Chromium: the compact embed view at 320 px, and the demo host page driving an
// embedded fitscope through postMessage (ready, set-config, an invalid config, run, progress, run-end). Tiny
// configs on cpu and wasm.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './use-app';
import { encodeQuery } from '../../src/links/url-codec';
import { DEFAULT_CONFIG, type RunConfig } from '../../src/shared/config';
import { DEFAULT_VIEW_SETTINGS } from '../../src/shared/view-settings';
import { chromiumAvailable, expectCleanLog } from './harness';

const available = chromiumAvailable();
const RUN_TIMEOUT = 60_000;

const TINY: RunConfig = {
  ...DEFAULT_CONFIG,
  modes: ['fit', 'loop'],
  samples: 128,
  features: 4,
  batchSize: 32,
  epochs: 1,
  hidden: [8],
  backend: 'cpu',
};

/** Widest the document gets beyond its viewport: 0 when nothing scrolls sideways. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(!available)('embedding in Chromium', { timeout: 180_000 }, () => {
  const app = useApp();

  it('embed=1 is a compact view that works 320 px wide: run button, charts, summary, a link to the full app', async () => {
    const query = encodeQuery(TINY, { page: { embed: true } });
    const { page, log } = await app().open(`/?${query}`, { webgpu: false });
    await page.setViewportSize({ width: 320, height: 640 });
    await page.reload();
    await page.waitForSelector('[data-testid="embed-bar"]');
    // No settings form, gallery, code or share menu; the run button and the charts are there.
    expect(await page.locator('#field-samples').count()).toBe(0);
    for (const id of ['preset-gallery', 'code-view', 'share-menu']) expect(await page.locator(`[data-testid="${id}"]`).count(), id).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Run' }).isVisible()).toBe(true);
    expect(await page.locator('[data-testid="loss-chart"]').count()).toBe(1);
    expect(await overflow(page)).toBe(0);
    const full = await page.locator('[data-testid="open-full-app"]').getAttribute('href');
    expect(full).toBe(`${app().baseUrl}/?${encodeQuery(TINY)}`);
    expect(await page.locator('[data-testid="open-full-app"]').getAttribute('target')).toBe('_blank');

    await page.getByRole('button', { name: 'Run' }).click();
    await page.waitForSelector('[data-testid="run-status"][data-phase="done"]', { timeout: RUN_TIMEOUT });
    expect(
      await page.locator('[data-testid="summary-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-mode'))),
    ).toEqual(['fit', 'loop']);
    // Still nothing wider than the frame: the table scrolls inside its own box.
    expect(await overflow(page)).toBe(0);
    // (The table itself is wider: its card is what must fit.)
    for (const selector of [
      '[data-testid="embed-bar"]',
      '[data-testid="run-status"]',
      '[data-testid="loss-chart"]',
      '.card:has([data-testid="summary-table"])',
    ]) {
      const box = await page.locator(selector).first().boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(320);
    }
    expectCleanLog(log);
    await page.close();
  });

  it('the Share menu gives the link to the setup and an iframe snippet of its embed view', async () => {
    const { page, log } = await app().open(`/?${encodeQuery(TINY)}&x=samples`, { webgpu: false });
    await page.locator('[data-testid="share-menu"] summary').click();
    const link = page.locator('[data-testid="share-link"]');
    const snippet = page.locator('[data-testid="share-embed"]');
    const setup = encodeQuery(TINY, { view: { ...DEFAULT_VIEW_SETTINGS, hidden: [], xAxis: 'samples' } });
    expect(await link.inputValue()).toBe(`${app().baseUrl}/?${setup}`);
    expect(await snippet.inputValue()).toBe(
      `<iframe src="${app().baseUrl}/?${setup.replace(/&/g, '&amp;')}&amp;embed=1" title="fitscope: fit, loop on teacher" width="100%" height="640" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    );
    await page.getByLabel('Start the run when the page opens (autorun)').check();
    expect(await link.inputValue()).toBe(`${app().baseUrl}/?${setup}&autorun=1`);
    expect(await snippet.inputValue()).toContain('&amp;embed=1&amp;autorun=1"');
    await page.getByRole('button', { name: 'Copy' }).first().click();
    await expect.poll(() => page.locator('.share-status').textContent()).toMatch(/Link (copied|selected)/);
    expectCleanLog(log);
    await page.close();
  });

  it('hide= leaves out the panels it names', async () => {
    const { page, log } = await app().open(`/?${encodeQuery(TINY)}&embed=1&hide=memory,badge`, { webgpu: false });
    await page.waitForSelector('[data-testid="embed-bar"]');
    expect(await page.locator('[data-testid="loss-chart"]').count()).toBe(1);
    expect(await page.locator('[data-testid="memory-chart"]').count()).toBe(0);
    expect(await page.locator('[data-testid="backend-badge"]').count()).toBe(0);
    expectCleanLog(log);
    await page.close();
  });

  it('a host page drives a run through postMessage and receives run-end with the summaries', async () => {
    const { page, log } = await app().open('/embed-demo.html', { webgpu: false });
    const messages = () => page.evaluate(() => (window as unknown as { embedDemo: { messages: { type: string }[] } }).embedDemo.messages);
    /** Waits until the messages satisfy `done`; on timeout, says which messages did come. */
    const waitFor = async (what: string, done: (types: string[]) => boolean, timeout = RUN_TIMEOUT) => {
      const deadline = Date.now() + timeout;
      for (;;) {
        const types = (await messages()).map((m) => m.type);
        if (done(types)) return;
        if (Date.now() > deadline) throw new Error(`no ${what} within ${timeout} ms; messages: ${types.join(', ')}`);
        await page.waitForTimeout(100);
      }
    };
    await waitFor('ready', (t) => t.includes('ready'), 30_000);
    const frame = page.frameLocator('#fitscope');
    await frame.locator('[data-testid="embed-bar"]').waitFor();

    // A config the decoder would have to repair is refused with an error naming the problem, and not applied.
    await page.evaluate(() =>
      (window as unknown as { embedDemo: { send(m: unknown): void } }).embedDemo.send({ type: 'set-config', config: { samples: 'lots' } }),
    );
    await waitFor('error', (t) => t.includes('error'), 10_000);
    const error = (await messages()).find((m) => m.type === 'error') as unknown as { message: string; problems: string[] };
    expect(error.problems.join()).toMatch(/samples/);
    expect(await page.locator('#log [data-type="error"]').count()).toBe(1);

    // run with a config: applied (the frame's address bar follows), trained, reported.
    await page.evaluate(
      (config) => (window as unknown as { embedDemo: { send(m: unknown): void } }).embedDemo.send({ type: 'run', config }),
      { modes: ['fitDataset', 'loop'], samples: 256, features: 4, batchSize: 16, epochs: 2, hidden: [8], backend: 'cpu' },
    );
    await waitFor('run-end', (t) => t.includes('run-end'));
    const end = (await messages()).find((m) => m.type === 'run-end') as unknown as {
      summaries: { mode: string; batches: number; backend: string }[];
      stopped: boolean;
      config: RunConfig;
    };
    expect(end.summaries.map((s) => [s.mode, s.batches, s.backend])).toEqual([
      ['fitDataset', 32, 'cpu'],
      ['loop', 32, 'cpu'],
    ]);
    expect(end.stopped).toBe(false);
    expect(end.config).toMatchObject({ modes: ['fitDataset', 'loop'], samples: 256 });
    // The demo page shows them; the frame's own table has the same rows.
    expect(await page.locator('#summary tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-mode')))).toEqual([
      'fitDataset',
      'loop',
    ]);
    expect(await frame.locator('[data-testid="summary-table"] tbody tr').count()).toBe(2);
    // Every message came from fitscope, in order: ready first, then the refusal, then the run's own.
    const types = (await messages()).map((m) => m.type);
    expect(types[0]).toBe('ready');
    expect(types.at(-1)).toBe('run-end');
    expect(types.filter((t) => !['ready', 'error', 'progress', 'run-end'].includes(t))).toEqual([]);

    // A long run: progress comes while it trains, stop ends it, and run-end says it was stopped.
    const send = (message: unknown) =>
      page.evaluate((m) => (window as unknown as { embedDemo: { send(m: unknown): void } }).embedDemo.send(m), message);
    const before = (await messages()).length;
    await send({ type: 'run', config: 'modes=loop&samples=200000&features=4&batch=8&hidden=8&backend=cpu' });
    await waitFor('progress', (t) => t.slice(before).includes('progress'));
    // A second run while one is going is refused, not queued.
    await send({ type: 'run' });
    await waitFor('error for the second run', (t) => t.slice(before).includes('error'), 10_000);
    await send({ type: 'stop' });
    await waitFor('run-end after stop', (t) => t.slice(before).includes('run-end'));
    const stopped = (await messages()).slice(before).find((m) => m.type === 'run-end') as unknown as {
      stopped: boolean;
      summaries: { mode: string }[];
    };
    expect(stopped.stopped).toBe(true);
    expect(stopped.summaries.map((s) => s.mode)).toEqual(['loop']);
    expectCleanLog(log);
    await page.close();
  });
});

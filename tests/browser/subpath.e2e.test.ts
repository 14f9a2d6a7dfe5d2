// Runs in Node, driving Debian's Chromium: the production build, unchanged, served from a nested sub-path by a
// plain static file server (no special headers). The page, its worker, the wasm files and the data files must
// all load from there, a run must finish, the Share link must name the sub-path, and the embed demo must frame
// the app. A tiny MNIST run on wasm fetches a .wasm file and a data shard through the worker.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeQuery } from '../../src/links/url-codec';
import { DEFAULT_CONFIG, type RunConfig } from '../../src/shared/config';
import { buildApp, chromiumAvailable, expectCleanLog, type PageLog } from './harness';
import { noticeText, waitForRunEnd } from './run-actions';
import { serveFolder, type StaticHost } from './static-host';
import { useApp } from './use-app';

const available = chromiumAvailable();
const SUB_PATH = '/x/y/fitscope/';
const MNIST_ON_WASM: RunConfig = {
  ...DEFAULT_CONFIG,
  modes: ['fit', 'loop'],
  dataset: 'mnist',
  samples: 1000,
  batchSize: 100,
  epochs: 1,
  hidden: [8],
  backend: 'wasm',
};

interface HostedPage {
  page: Page;
  log: PageLog;
  /** Requests that failed or were answered with anything but 200, as "status url". */
  bad: string[];
}

describe.skipIf(!available)('the build served from a sub-path by a plain static server', { timeout: 300_000 }, () => {
  // The harness's browser (offline flags, error and request log); its own build is served at '/', not used here.
  const app = useApp();
  let work = '';
  let host: StaticHost;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'fitscope-subpath-'));
    await buildApp(join(work, 'dist'));
    host = await serveFolder(join(work, 'dist'), SUB_PATH);
  }, 300_000);
  afterAll(async () => {
    await host?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /**
   * Opens `path` (relative to the sub-path) in a new tab of the harness's browser, recording what the harness
   * records (errors, requested URLs) and every request that did not get a 200.
   */
  async function openHosted(path: string): Promise<HostedPage> {
    // The harness opens tabs on its own server only; its tab lends the browser and is closed at once.
    const { page: harnessTab } = await app().open('/favicon.svg', { webgpu: false });
    const page = await harnessTab.context().newPage();
    await harnessTab.close();
    const log: PageLog = { errors: [], requests: [] };
    const bad: string[] = [];
    page.on('console', (m) => m.type() === 'error' && log.errors.push(`console: ${m.text()} (${m.location().url})`));
    page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
    page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && log.errors.push(`worker console: ${m.text()}`)));
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('response', (r) => r.status() !== 200 && bad.push(`${r.status()} ${r.url()}`));
    page.on('requestfailed', (r) => bad.push(`failed (${r.failure()?.errorText}) ${r.url()}`));
    await page.goto(`${host.url}${path}`);
    return { page, log, bad };
  }

  it('runs MNIST on wasm with every file (page, worker, wasm, data) loaded from the sub-path', async () => {
    const { page, log, bad } = await openHosted(`?${encodeQuery(MNIST_ON_WASM)}&autorun=1`);
    expect(await waitForRunEnd(page), await noticeText(page)).toBe('done');
    expect(
      await page.locator('[data-testid="summary-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-mode'))),
    ).toEqual(['fit', 'loop']);
    expect(bad).toEqual([]);
    expectCleanLog(log);
    // The server's side: nothing outside the sub-path, nothing missing, and the files that matter were asked for.
    const paths = host.served.map((r) => r.path);
    expect(host.served.filter((r) => r.status !== 200 || !r.path.startsWith(SUB_PATH))).toEqual([]);
    for (const [what, pattern] of [
      ['the page', /^\/x\/y\/fitscope\/$/],
      ['a stylesheet', /\/assets\/[^/]+\.css$/],
      ['the worker', /\/assets\/entry-[^/]+\.js$/],
      ['a wasm file', /\/assets\/[^/]+\.wasm$/],
      ['an MNIST shard', /\/data\/mnist\/[^/]+\.bin$/],
    ] as const) {
      expect(
        paths.some((p) => pattern.test(p)),
        `${what} (${pattern}) among ${paths.join(', ')}`,
      ).toBe(true);
    }
    await page.close();
  });

  it('the Share link and iframe snippet name the page at its sub-path', async () => {
    const { page, log, bad } = await openHosted(`?${encodeQuery(MNIST_ON_WASM)}`);
    await page.locator('[data-testid="share-menu"] summary').click();
    expect(await page.locator('[data-testid="share-link"]').inputValue()).toBe(`${host.url}?${encodeQuery(MNIST_ON_WASM)}`);
    expect(await page.locator('[data-testid="share-embed"]').inputValue()).toContain(`src="${host.url}?`);
    expect(bad).toEqual([]);
    expectCleanLog(log);
    await page.close();
  });

  it('embed-demo.html frames the app from the same sub-path and hears its ready message', async () => {
    const { page, log, bad } = await openHosted('embed-demo.html');
    await page.frameLocator('#fitscope').locator('[data-testid="embed-bar"]').waitFor({ timeout: 30_000 });
    expect(page.frames().some((f) => f.url().startsWith(`${host.url}?`))).toBe(true);
    await expect
      .poll(
        () =>
          page.evaluate(() => (window as unknown as { embedDemo: { messages: { type: string }[] } }).embedDemo.messages.map((m) => m.type)),
        { timeout: 30_000 },
      )
      .toContain('ready');
    expect(bad).toEqual([]);
    expectCleanLog(log);
    await page.close();
  });
});

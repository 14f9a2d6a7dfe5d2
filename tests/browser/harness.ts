// Runs in Node (test helper). Builds the app with Vite into a temporary folder, serves it with `vite preview` on
// 127.0.0.1, and drives Debian's Chromium through playwright-core with flags that keep it offline and give
// workers WebGPU (SwiftShader). Everything it makes lives under one temporary folder, removed by close().
// The production build (buildApp) is also what the bundle budget measures, and scripts/ use both.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.FITSCOPE_CHROMIUM ?? '/usr/lib/chromium/chromium';
export const chromiumAvailable = (): boolean => existsSync(CHROMIUM_PATH);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG_FILE = join(ROOT, 'vite.config.ts');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Without this Chromium still reaches for update and account hosts.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface PageLog {
  /** Console messages of type error (page and workers) and uncaught page errors. */
  errors: string[];
  /** Every URL the browser requested while the page was open. */
  requests: string[];
}

export interface OpenOptions {
  /** Keep the runs earlier pages of this harness stored (default: start with none). */
  keepStorage?: boolean;
  /** Launch with --enable-unsafe-webgpu (the default); without it Chromium here offers no WebGPU adapter. */
  webgpu?: boolean;
}

export interface AppHarness {
  baseUrl: string;
  /** Opens a new tab on `path` (relative to the served root) and records its errors and requests. */
  open(path: string, options?: OpenOptions): Promise<{ page: Page; log: PageLog }>;
  close(): Promise<void>;
}

export interface BuildOptions {
  /** Minify (the default); profiling scripts turn it off so a CPU profile names the source's functions. */
  minify?: boolean;
}

/** Builds the app for production into `outDir` (emptied first), as `npm run build` does. */
export async function buildApp(outDir: string, options: BuildOptions = {}): Promise<void> {
  // Vite bundles React's development build unless NODE_ENV is 'production' (Vitest sets it to 'test'):
  // set it for the build only, and put back what was there.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile: CONFIG_FILE,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, minify: options.minify ?? true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Builds the app (see buildApp), serves it, and opens pages on it in Chromium. */
export async function startApp(options: BuildOptions = {}): Promise<AppHarness> {
  const work = await mkdtemp(join(tmpdir(), 'fitscope-e2e-'));
  const outDir = join(work, 'dist');
  const chromeTmp = join(work, 'tmp');
  await mkdir(chromeTmp);
  let server: PreviewServer | undefined;
  const contexts = new Map<boolean, Promise<BrowserContext>>();
  const closeAll = async () => {
    for (const context of contexts.values()) await (await context.catch(() => null))?.close().catch(() => {});
    if (server) await new Promise<void>((done) => server!.httpServer.close(() => done()));
    await rm(work, { recursive: true, force: true });
  };
  // One browser per flag set, each with its own fresh profile, launched when first needed.
  const context = (webgpu: boolean): Promise<BrowserContext> => {
    let launched = contexts.get(webgpu);
    if (!launched) {
      launched = chromium.launchPersistentContext(join(work, webgpu ? 'profile-webgpu' : 'profile'), {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: webgpu ? [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] : CHROMIUM_ARGS,
        // Chromium leaves singleton folders in TMPDIR when killed: keep them in our folder.
        env: { ...process.env, TMPDIR: chromeTmp },
        viewport: { width: 1280, height: 900 },
      });
      contexts.set(webgpu, launched);
    }
    return launched;
  };
  try {
    await buildApp(outDir, options);
    const port = await freePort();
    server = await preview({
      root: ROOT,
      configFile: CONFIG_FILE,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    return {
      baseUrl,
      async open(path, options = {}) {
        const page = await (await context(options.webgpu ?? true)).newPage();
        const log: PageLog = { errors: [], requests: [] };
        page.on('console', (m) => m.type() === 'error' && log.errors.push(`console: ${m.text()}`));
        page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
        page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && log.errors.push(`worker console: ${m.text()}`)));
        page.on('request', (r) => log.requests.push(r.url()));
        if (!options.keepStorage) {
          // Kept runs come back on reload, and every page of a harness shares one profile: start each test with
          // none. The embed view keeps nothing, so the page doing the delete holds no connection to the store.
          await page.goto(`${baseUrl}/?embed=1`);
          await page.evaluate(
            () =>
              new Promise<void>((done) => {
                const request = indexedDB.deleteDatabase('fitscope');
                request.onsuccess = request.onerror = request.onblocked = () => done();
              }),
          );
        }
        await page.goto(`${baseUrl}${path}`);
        return { page, log };
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** True for URLs that stay on this machine (data:, blob: and the preview server). */
export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost';
  } catch {
    return false;
  }
}

/** The page logged no errors and asked for nothing beyond this machine. */
export function expectCleanLog(log: PageLog): void {
  expect(log.errors).toEqual([]);
  expect(log.requests.filter((u) => !isLocal(u))).toEqual([]);
}

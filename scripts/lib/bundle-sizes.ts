// Gzip sizes of a built app (vite build output): the main bundle is every script index.html loads up front
// (entry and module preloads); the worker bundle is the training worker; the rest load on demand.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** Gzip bytes of the scripts the page loads before it can render. */
  main: number;
  /** Gzip bytes of the training worker's script. */
  worker: number;
  /** Gzip bytes of each other script, loaded when needed. */
  lazy: Record<string, number>;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

export function bundleSizes(outDir: string): BundleSizes {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // The build's base may be absolute ('/assets/x.js') or relative ('./assets/x.js', vite.config.ts's `base: './'`).
  const upfront = new Set([...html.matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  if (upfront.size === 0) throw new Error(`${join(outDir, 'index.html')} loads no script from assets/: is it a vite build's output?`);
  const scripts = readdirSync(join(outDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  // The worker is the chunk that holds tfjs' kernels.
  const worker = scripts.find((f) => !upfront.has(f) && readFileSync(join(outDir, f), 'utf8').includes('Conv2DBackpropInput'));
  const sizes: BundleSizes = { main: 0, worker: worker ? gz(join(outDir, worker)) : 0, lazy: {} };
  for (const f of scripts) {
    if (upfront.has(f)) sizes.main += gz(join(outDir, f));
    else if (f !== worker) sizes.lazy[f] = gz(join(outDir, f));
  }
  return sizes;
}

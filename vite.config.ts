// Build and dev server for the page and its training worker.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy } from './scripts/vite-plugins/csp.ts';

// Built files go in this folder below index.html. The worker finds the app's root (and public/data) by going
// up from its own script, so it is told the folder's name (src/worker/fetch-assets.ts appRootUrl).
const ASSETS_DIR = 'assets';

export default defineConfig({
  // A relative base: the built page finds its scripts, styles, worker and wasm files next to itself, so dist/
  // works unchanged from any static host and any sub-path. The dev server still serves from '/'.
  base: './',
  define: { 'import.meta.env.FITSCOPE_ASSETS_DIR': JSON.stringify(ASSETS_DIR) },
  plugins: [react(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    assetsDir: ASSETS_DIR,
    // tfjs makes the worker chunk large (~1.3 MB before gzip); that is expected, not a warning.
    chunkSizeWarningLimit: 2000,
  },
  worker: {
    format: 'es',
    rolldownOptions: {
      // Vite 8.3.8 keeps ~1 MB of tfjs licence comments in the worker bundle otherwise.
      output: { comments: { legal: false } },
    },
  },
  optimizeDeps: {
    // The dev server's dependency scan starts from index.html and does not follow `new Worker(new URL(…))`;
    // naming the worker here makes it pre-bundle tfjs up front instead of reloading during the first run.
    entries: ['index.html', 'src/worker/entry.ts'],
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});

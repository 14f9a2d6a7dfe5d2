// Runs in the worker. fitscope's data files (public/data, served by the app) fetched over HTTP from the app's
// own origin: the page never asks any other host for data.
import type { AssetLoader } from '../engine/data/types';

/**
 * The folder the app is served from (where index.html and public/ are), seen from the worker.
 * `base` is Vite's BASE_URL: '/' on the dev server, './' in a build, so the build works from any sub-path.
 * A relative base is relative to the page, which the worker cannot see: its own script sits in `assetsDir`
 * below the page, so the root is that many folders up from `workerScriptUrl`.
 */
export function appRootUrl(base: string, assetsDir: string, workerScriptUrl: string): URL {
  if (base.startsWith('/') || /^[a-z][a-z\d+.-]*:/i.test(base)) return new URL(base, workerScriptUrl);
  const depth = assetsDir.split('/').filter((part) => part && part !== '.').length;
  return new URL(`${'../'.repeat(depth)}${base}`, workerScriptUrl);
}

/** `root` is the app's folder (appRootUrl); files are read from its data/ folder. */
export function fetchAssets(root: URL): AssetLoader {
  return {
    async load(name) {
      const url = new URL(`data/${name}`, root);
      let response: Response;
      try {
        response = await fetch(url);
      } catch (e) {
        throw new Error(`could not load data file ${name}: ${(e as Error).message}`, { cause: e });
      }
      if (!response.ok)
        throw new Error(`could not load data file ${name}: HTTP ${response.status} (is public/data prepared? run \`npm run data\`)`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

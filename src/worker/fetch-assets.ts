// Runs in the worker. fitscope's data files (public/data, served by the app) fetched over HTTP from the app's
// own origin: the page never asks any other host for data.
import type { AssetLoader } from '../engine/data/types';

export function fetchAssets(base: URL): AssetLoader {
  return {
    async load(name) {
      const url = new URL(`data/${name}`, base);
      let response: Response;
      try {
        response = await fetch(url);
      } catch (e) {
        throw new Error(`could not load data file ${name}: ${(e as Error).message}`);
      }
      if (!response.ok) throw new Error(`could not load data file ${name}: HTTP ${response.status} (is public/data prepared? run \`npm run data\`)`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

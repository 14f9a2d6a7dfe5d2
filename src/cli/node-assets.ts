// Runs in Node. fitscope's data files (public/data, written by scripts/prepare-data.ts) read from disk: the
// same files the page fetches over HTTP.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssetLoader } from '../engine/data/types';

const DATA_FOLDER = join(import.meta.dirname, '..', '..', 'public', 'data');

export function nodeAssets(folder = DATA_FOLDER): AssetLoader {
  return {
    async load(name) {
      try {
        return new Uint8Array(await readFile(join(folder, name)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT')
          throw new Error(`data file ${name} is missing from ${folder}: run \`npm run data\` first`, { cause: e });
        throw e;
      }
    },
  };
}

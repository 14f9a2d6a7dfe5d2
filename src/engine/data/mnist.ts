// Runs in worker and Node. MNIST from the shards in public/data/mnist (see formats.ts): pixels scaled to
// [0, 1], labels one-hot. Shards are fetched when a reader first needs them and kept while in use.
import { MNIST_PIXELS, MNIST_SHARD_SIZE, assetNames } from './formats';
import { gunzip } from './gunzip';
import { oneHot } from './one-hot';
import type { AssetLoader, HeldOut, RowReader } from './types';

const CLASSES = 10;

async function loadShard(assets: AssetLoader, split: 'train' | 'test', index: number): Promise<HeldOut> {
  const body = await gunzip(await assets.load(assetNames.mnist(split, index)));
  const n = body.length / (1 + MNIST_PIXELS);
  if (!Number.isInteger(n)) throw new Error(`MNIST shard ${split}-${index} is damaged (${body.length} bytes)`);
  const x = new Float32Array(n * MNIST_PIXELS);
  for (let i = 0; i < x.length; i++) x[i] = body[n + i] / 255;
  return { samples: n, x, y: oneHot(body.subarray(0, n), CLASSES) };
}

/** Rows [start, end) of a split, reading shard by shard (one decoded shard cached: reads go in order). */
export function mnistReader(assets: AssetLoader, split: 'train' | 'test'): RowReader {
  let cached: { index: number; rows: Promise<HeldOut> } | null = null;
  const shard = (index: number) => {
    if (cached?.index !== index) cached = { index, rows: loadShard(assets, split, index) };
    return cached.rows;
  };
  return {
    async read(start, end) {
      const x = new Float32Array((end - start) * MNIST_PIXELS);
      const y = new Float32Array((end - start) * CLASSES);
      for (let row = start; row < end;) {
        const index = Math.floor(row / MNIST_SHARD_SIZE);
        const rows = await shard(index);
        const from = row - index * MNIST_SHARD_SIZE;
        const count = Math.min(end - row, MNIST_SHARD_SIZE - from);
        x.set(rows.x.subarray(from * MNIST_PIXELS, (from + count) * MNIST_PIXELS), (row - start) * MNIST_PIXELS);
        y.set(rows.y.subarray(from * CLASSES, (from + count) * CLASSES), (row - start) * CLASSES);
        row += count;
      }
      return { x, y };
    },
  };
}

// Runs in Node. Shard files for source=shards: the set written once to a cache folder (rows computed chunk by
// chunk, never all in memory), then read back from disk one shard at a time as the generator reaches it.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataSource } from '../engine/data/load';
import type { ShardStore } from '../engine/data/types';
import type { RunConfig } from '../shared/config';

export const SHARD_SIZE = 4096;

export function shardFolder(
  config: Pick<RunConfig, 'dataset' | 'seed' | 'features' | 'samples'>,
  root = join(tmpdir(), 'fitscope-shards'),
): string {
  return join(root, `${config.dataset}-s${config.seed}-f${config.features}-n${config.samples}-k${SHARD_SIZE}`);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function openNodeShards(config: RunConfig, root?: string): Promise<ShardStore> {
  const source = await loadDataSource(config);
  const { samples, features, outputs } = source.shape;
  const folder = shardFolder(config, root);
  const count = Math.ceil(samples / SHARD_SIZE);
  const path = (i: number) => join(folder, `shard-${i}.bin`);
  if (!(await exists(join(folder, 'complete')))) {
    await mkdir(folder, { recursive: true });
    for (let i = 0; i < count; i++) {
      const rows = await source.compute.read(i * SHARD_SIZE, Math.min(samples, (i + 1) * SHARD_SIZE));
      const bytes = new Uint8Array(rows.x.byteLength + rows.y.byteLength);
      bytes.set(new Uint8Array(rows.x.buffer, rows.x.byteOffset, rows.x.byteLength), 0);
      bytes.set(new Uint8Array(rows.y.buffer, rows.y.byteOffset, rows.y.byteLength), rows.x.byteLength);
      await writeFile(path(i), bytes);
    }
    // Written last (and renamed into place), so a half-written folder is never taken for a complete one.
    await writeFile(join(folder, 'complete.tmp'), String(count));
    await rename(join(folder, 'complete.tmp'), join(folder, 'complete'));
  }
  return {
    shardSize: SHARD_SIZE,
    async readShard(index) {
      const file = await readFile(path(index));
      const rows = Math.min(SHARD_SIZE, samples - index * SHARD_SIZE);
      // Copy into aligned buffers: a Buffer's offset inside Node's pool need not be a multiple of 4.
      const data = new Float32Array(file.byteLength / 4);
      new Uint8Array(data.buffer).set(file);
      return { x: data.subarray(0, rows * features), y: data.subarray(rows * features, rows * (features + outputs)) };
    },
  };
}

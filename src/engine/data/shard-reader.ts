// Runs in worker and Node. Reads rows through a ShardStore, fetching each shard once when the reader reaches
// it (batches walk the set in order, so one cached shard serves every batch inside it).
import type { DataShape, RowReader, Rows, ShardStore } from './types';

export function shardReader(store: ShardStore, shape: Pick<DataShape, 'features' | 'outputs'>): RowReader {
  let cached: { index: number; rows: Rows } | null = null;
  const shard = async (index: number): Promise<Rows> => {
    if (cached?.index !== index) cached = { index, rows: await store.readShard(index) };
    return cached.rows;
  };
  return {
    async read(start, end) {
      const x = new Float32Array((end - start) * shape.features);
      const y = new Float32Array((end - start) * shape.outputs);
      for (let row = start; row < end;) {
        const index = Math.floor(row / store.shardSize);
        const rows = await shard(index);
        const from = row - index * store.shardSize;
        const count = Math.min(end - row, store.shardSize - from);
        x.set(rows.x.subarray(from * shape.features, (from + count) * shape.features), (row - start) * shape.features);
        y.set(rows.y.subarray(from * shape.outputs, (from + count) * shape.outputs), (row - start) * shape.outputs);
        row += count;
      }
      return { x, y };
    },
  };
}

// Runs everywhere. The layouts of the files scripts/prepare-data.ts writes into public/data/.

/** MNIST shards: gzip of [n label bytes][n × 784 pixel bytes], n = MNIST_SHARD_SIZE except the last. */
export const MNIST_SHARD_SIZE = 5000;
export const MNIST_TEST_COUNT = 10_000;
export const MNIST_PIXELS = 784;

/** A small table: feature columns then the class index, one array per row. */
export interface TabularFile {
  features: string[];
  classes: string[];
  rows: number[][];
}

export const assetNames = {
  mnist: (split: 'train' | 'test', shard: number) => `mnist/${split}-${shard}.gzip.bin`,
  tabular: (name: string) => `${name}.json`,
};

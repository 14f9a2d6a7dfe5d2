// Runs in worker and Node. Training data as the modes see it: materialised arrays (what fit uploads whole and
// the array feed slices), and row readers (what the generator pipeline pulls from on demand).
export type TaskKind = 'regression' | 'classification';

export interface DataShape {
  /** Training samples. */
  samples: number;
  features: number;
  /** 1 for regression; the class count for classification (targets are one-hot). */
  outputs: number;
  task: TaskKind;
  classes?: readonly string[];
  /** [height, width, channels] when each row is an image (a CNN can take it). */
  image?: readonly [number, number, number];
}

/** Loads a file fitscope serves (public/data/...): over HTTP in the page, from disk in Node. */
export interface AssetLoader {
  load(name: string): Promise<Uint8Array>;
}

export interface HeldOut extends Rows {
  samples: number;
}

export interface Rows {
  /** Row-major [rows, features]. */
  x: Float32Array;
  /** Row-major [rows, outputs]. */
  y: Float32Array;
}

export interface TrainingData extends DataShape, Rows {}

/** Reads rows [start, end). Memory and computed sources answer at once; shards may have to fetch. */
export interface RowReader {
  read(start: number, end: number): Rows | Promise<Rows>;
}

/** A data set cut into files of `shardSize` samples, read on demand (from disk in Node, over HTTP in the page). */
export interface ShardStore {
  shardSize: number;
  readShard(index: number): Promise<Rows>;
}

/** Rows [start, end) of the set as views (no copy). */
export function sliceRows(data: Rows & { features: number; outputs: number }, start: number, end: number): Rows {
  return {
    x: data.x.subarray(start * data.features, end * data.features),
    y: data.y.subarray(start * data.outputs, end * data.outputs),
  };
}

export function arrayReader(data: Rows & { features: number; outputs: number }): RowReader {
  return { read: (start, end) => sliceRows(data, start, end) };
}

/**
 * Where a data set's rows come from, which decides what the source setting can do: 'computed' sets make any
 * row from the seed (held in memory or written to shards, as asked); 'shards' are served in shards already;
 * 'table' is a small table held in memory; 'file' is the user's CSV, streamed from the file.
 */
export type DataOrigin = 'computed' | 'shards' | 'table' | 'file';

/** A config's data set as the modes use it. */
export interface DataSource {
  shape: DataShape;
  origin: DataOrigin;
  /** Training rows made on demand (computed, or decoded from shards), without holding the set. */
  compute: RowReader;
  /** The whole training set as arrays; made on first call and kept. */
  arrays(): Promise<TrainingData>;
  /** Held-out rows: validation (checked after every epoch) and test (checked once at the end). */
  heldOut(): Promise<{ validation: HeldOut; test: HeldOut }>;
  /** What the loader changed about the request (e.g. a fixed-size set's sample count), in words. */
  notices: string[];
}

/** Makes the value on the first call and hands out the same promise after. */
export function memoize<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => (value ??= make());
}

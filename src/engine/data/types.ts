// Runs in worker and Node. Training data as the modes see it: materialised arrays (what fit uploads whole and
// the array feed slices), and row readers (what the generator pipeline pulls from on demand).
export type TaskKind = 'regression';

export interface DataShape {
  samples: number;
  features: number;
  outputs: number;
  task: TaskKind;
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

export function arrayReader(data: TrainingData): RowReader {
  return { read: (start, end) => sliceRows(data, start, end) };
}

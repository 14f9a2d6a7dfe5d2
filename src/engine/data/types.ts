// Runs in worker and Node. A training set held as plain JS arrays: modes decide themselves whether it goes to
// the backend whole (fit) or a batch at a time (fitDataset, trainOnBatch, loop).
export type TaskKind = 'regression';

export interface TrainingData {
  samples: number;
  features: number;
  outputs: number;
  task: TaskKind;
  /** Row-major [samples, features]. */
  x: Float32Array;
  /** Row-major [samples, outputs]. */
  y: Float32Array;
}

/** Rows [start, end) of the set as views (no copy). */
export function sliceRows(data: TrainingData, start: number, end: number): { x: Float32Array; y: Float32Array } {
  return {
    x: data.x.subarray(start * data.features, end * data.features),
    y: data.y.subarray(start * data.outputs, end * data.outputs),
  };
}

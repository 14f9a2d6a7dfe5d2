// Runs everywhere. The arithmetic of a run's size, in one place: the engine trains by it, and the page (progress,
// planned chart axes, the size control) and the code generators foretell the run by it, so they cannot drift.
import type { DatasetInfo } from './datasets';

/** The training samples a run uses: the request, clamped to what the data set offers. */
export function clampSamples(info: Pick<DatasetInfo, 'minSamples' | 'maxSamples'>, requested: number): number {
  return Math.min(info.maxSamples, Math.max(info.minSamples, requested));
}

/** Rows fit trains on after Keras' validation_split (the last fraction is held out, before any shuffle). */
export function trainingRows(samples: number, validationSplit: number): number {
  return validationSplit > 0 ? Math.floor(samples * (1 - validationSplit)) : samples;
}

/** Batches in an epoch of `rows` (the last one partial). */
export function batchCount(rows: number, batchSize: number): number {
  return Math.ceil(rows / batchSize);
}

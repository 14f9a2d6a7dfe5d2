// Runs in worker and Node. Turns a config's data set choice into its shape, its arrays (made only when a mode
// needs them) and a reader that computes rows on demand.
import type { RunConfig } from '../../shared/config';
import { generateTeacherData } from './teacher';
import { teacherReader } from './teacher-reader';
import type { DataShape, RowReader, TrainingData } from './types';

export interface DataSource {
  shape: DataShape;
  /** The whole set as arrays; made on first call and kept. */
  arrays(): TrainingData;
  /** Rows computed on demand, without materialising the set. */
  compute: RowReader;
}

export function loadDataSource(config: Pick<RunConfig, 'dataset' | 'seed' | 'samples' | 'features'>): DataSource {
  switch (config.dataset) {
    case 'teacher': {
      let arrays: TrainingData | null = null;
      return {
        shape: { samples: config.samples, features: config.features, outputs: 1, task: 'regression' },
        arrays: () => (arrays ??= generateTeacherData(config.seed, config.samples, config.features)),
        compute: teacherReader(config.seed, config.features),
      };
    }
  }
}

/** Kept for callers that want the arrays straight away. */
export function loadTrainingData(config: Pick<RunConfig, 'dataset' | 'seed' | 'samples' | 'features'>): TrainingData {
  return loadDataSource(config).arrays();
}

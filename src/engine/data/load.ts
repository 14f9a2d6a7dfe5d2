// Runs in worker and Node. Turns a config's data set choice into a training set.
import type { RunConfig } from '../../shared/config';
import { generateTeacherData } from './teacher';
import type { TrainingData } from './types';

export function loadTrainingData(config: Pick<RunConfig, 'dataset' | 'seed' | 'samples' | 'features'>): TrainingData {
  switch (config.dataset) {
    case 'teacher':
      return generateTeacherData(config.seed, config.samples, config.features);
  }
}

// Runs in worker and Node. The modes by name.
import type { ModeName } from '../../shared/config';
import { fitMode } from './fit';
import { fitDatasetMode } from './fit-dataset';
import { loopMode } from './loop';
import { trainOnBatchMode } from './train-on-batch';
import type { TrainingMode } from './types';

export const TRAINING_MODES: Readonly<Record<ModeName, TrainingMode>> = {
  fit: fitMode,
  fitDataset: fitDatasetMode,
  trainOnBatch: trainOnBatchMode,
  loop: loopMode,
};

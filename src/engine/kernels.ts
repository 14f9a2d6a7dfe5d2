// Runs in worker and Node. Kernels a config's model needs to train. Not every backend has every gradient
// kernel (tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, so it cannot train a CNN until
// wasm-kernels/registerTunedKernels fills it in): the backend choice checks these in tfjs' kernel registry first,
// so it follows what is registered at that moment, and says which one is missing instead of failing in the
// first step.
import type { RunConfig } from '../shared/config';
import { DATASETS } from '../shared/datasets';

const CONV_TRAINING = ['Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPool', 'MaxPoolGrad'];

export function kernelsFor(config: Pick<RunConfig, 'model' | 'dataset'>): string[] {
  return config.model === 'cnn' && DATASETS[config.dataset].image ? CONV_TRAINING : [];
}

// Runs everywhere (pure). What the code view's generators need to know about a setup, worked out once from the
// RunConfig and the data set's description: sizes, task, and the network as a list of layers. The layers follow
// the engine's architecture (src/engine/architecture.ts; tests/codegen/tfjs-code.test.ts checks that they agree),
// without importing the engine: src/codegen stays free of tfjs.
import type { RunConfig } from '../shared/config';
import { DATASETS } from '../shared/datasets';
import { batchCount, clampSamples } from '../shared/training-plan';

export type CodeLayer =
  | { kind: 'reshape'; to: readonly [number, number, number] }
  | { kind: 'conv'; filters: number; kernel: number; stride: number }
  | { kind: 'pool'; size: number }
  | { kind: 'flatten' }
  | { kind: 'dense'; units: number; activation: 'relu' | 'softmax' | 'linear' };

/** The engine's CNN blocks: Conv2D(8, 3×3, stride 2) → MaxPooling(2) → Conv2D(16, 3×3) → Flatten. */
const CNN_LAYERS: readonly CodeLayer[] = [
  { kind: 'conv', filters: 8, kernel: 3, stride: 2 },
  { kind: 'pool', size: 2 },
  { kind: 'conv', filters: 16, kernel: 3, stride: 1 },
  { kind: 'flatten' },
];

export interface CodeSetup {
  config: RunConfig;
  title: string;
  task: 'regression' | 'classification';
  samples: number;
  features: number;
  outputs: number;
  layers: CodeLayer[];
  /** How the data is made in the generated code: the same recipe as fitscope's, or a stand-in of the right shape. */
  data: 'teacher' | 'plane' | 'stand-in';
  /** For stand-ins: where the real data comes from, in a sentence. */
  standInNote: string;
  /** Batches per epoch. */
  steps: number;
}

export function codeSetup(config: RunConfig): CodeSetup {
  const info = DATASETS[config.dataset];
  const samples = clampSamples(info, config.samples);
  const features = info.features ?? config.features;
  const task = info.task ?? 'regression';
  const outputs = task === 'classification' && info.classes ? info.classes.length : 1;
  const layers: CodeLayer[] = [];
  if (config.model === 'cnn' && info.image) layers.push({ kind: 'reshape', to: info.image }, ...CNN_LAYERS);
  for (const units of config.hidden) layers.push({ kind: 'dense', units, activation: 'relu' });
  layers.push({ kind: 'dense', units: outputs, activation: task === 'classification' ? 'softmax' : 'linear' });
  const data =
    config.dataset === 'teacher'
      ? 'teacher'
      : config.dataset === 'spirals' || config.dataset === 'circles' || config.dataset === 'xor'
        ? 'plane'
        : 'stand-in';
  const standInNote =
    config.dataset === 'csv'
      ? 'your CSV file: load its numeric columns as x and the label column as y'
      : `${info.title} (${info.source}); fitscope serves it from public/data`;
  return {
    config,
    title: info.title,
    task,
    samples,
    features,
    outputs,
    layers,
    data,
    standInNote,
    steps: batchCount(samples, config.batchSize),
  };
}

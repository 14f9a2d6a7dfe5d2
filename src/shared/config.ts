// Runs everywhere (page, worker, Node). The one description of a run's setup: every host (URL, CLI,
// postMessage) reads and writes RunConfig through FIELD_TABLE, so a new knob is added in one place.

export const MODE_NAMES = ['fit', 'fitDataset', 'trainOnBatch', 'loop'] as const;
export type ModeName = (typeof MODE_NAMES)[number];

export const DATASET_NAMES = ['teacher'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export const OPTIMIZER_NAMES = ['adam', 'sgd', 'rmsprop', 'adagrad'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** 'auto' tries webgpu → webgl → wasm → cpu; a named backend is tried alone. */
export const BACKEND_PREFERENCES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];
export type BackendName = Exclude<BackendPreference, 'auto'>;
export const AUTO_BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface RunConfig {
  modes: ModeName[];
  dataset: DatasetName;
  samples: number;
  features: number;
  batchSize: number;
  epochs: number;
  hidden: number[];
  optimizer: OptimizerName;
  learningRate: number;
  seed: number;
  backend: BackendPreference;
}

interface FieldBase<K extends keyof RunConfig> {
  name: K;
  /** Short key used in the URL query string and as the CLI flag (--key). */
  key: string;
  label: string;
  /** One line for the UI and CLI help: what the knob is, in Keras terms where that helps. */
  help: string;
}

export type FieldSpec =
  | (FieldBase<'samples' | 'features' | 'batchSize' | 'epochs' | 'seed'> & {
      kind: 'int';
      min: number;
      max: number;
    })
  | (FieldBase<'learningRate'> & { kind: 'number'; min: number; max: number })
  | (FieldBase<'dataset' | 'optimizer' | 'backend'> & { kind: 'choice'; choices: readonly string[] })
  | (FieldBase<'modes'> & { kind: 'choiceList'; choices: readonly string[] })
  | (FieldBase<'hidden'> & { kind: 'intList'; min: number; max: number; maxLength: number });

export const DEFAULT_CONFIG: Readonly<RunConfig> = Object.freeze({
  modes: [...MODE_NAMES],
  dataset: 'teacher',
  samples: 4096,
  features: 32,
  batchSize: 32,
  epochs: 2,
  hidden: [64, 64],
  optimizer: 'adam',
  learningRate: 0.01,
  seed: 42,
  backend: 'auto',
});

export const FIELD_TABLE: readonly FieldSpec[] = [
  {
    name: 'modes', key: 'modes', kind: 'choiceList', choices: MODE_NAMES, label: 'Modes',
    help: 'fit = Keras fit on tensors; fitDataset = fit_generator; trainOnBatch = train_on_batch loop; loop = hand optimizer.minimize',
  },
  { name: 'dataset', key: 'dataset', kind: 'choice', choices: DATASET_NAMES, label: 'Data set', help: 'teacher: labels from a fixed, seeded network (learnable)' },
  { name: 'samples', key: 'samples', kind: 'int', min: 16, max: 1_000_000, label: 'Samples', help: 'training set size' },
  { name: 'features', key: 'features', kind: 'int', min: 1, max: 1024, label: 'Features', help: 'inputs per sample' },
  { name: 'batchSize', key: 'batch', kind: 'int', min: 1, max: 65_536, label: 'Batch size', help: 'batch_size: samples per gradient step' },
  { name: 'epochs', key: 'epochs', kind: 'int', min: 1, max: 1000, label: 'Epochs', help: 'passes over the training set' },
  { name: 'hidden', key: 'hidden', kind: 'intList', min: 1, max: 4096, maxLength: 8, label: 'Hidden layers', help: 'units per Dense(relu) layer, comma separated; empty = linear model' },
  { name: 'optimizer', key: 'optimizer', kind: 'choice', choices: OPTIMIZER_NAMES, label: 'Optimizer', help: 'the optimizer passed to compile()' },
  { name: 'learningRate', key: 'lr', kind: 'number', min: 1e-6, max: 10, label: 'Learning rate', help: 'optimizer learning rate' },
  { name: 'seed', key: 'seed', kind: 'int', min: 0, max: 2_147_483_647, label: 'Seed', help: 'same seed = same data and initial weights for every mode' },
  { name: 'backend', key: 'backend', kind: 'choice', choices: BACKEND_PREFERENCES, label: 'Backend', help: 'auto tries webgpu → webgl → wasm → cpu and shows what it got' },
];

export function fieldByKey(key: string): FieldSpec | undefined {
  return FIELD_TABLE.find((f) => f.key === key);
}

export function cloneConfig(config: RunConfig): RunConfig {
  return { ...config, modes: [...config.modes], hidden: [...config.hidden] };
}

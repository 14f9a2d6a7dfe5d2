// Runs everywhere (page, worker, Node). The one description of a run's setup: every host (URL, CLI,
// postMessage) reads and writes RunConfig through FIELD_TABLE, so a new knob is added in one place.

export const MODE_NAMES = ['fit', 'fitDataset', 'trainOnBatch', 'loop'] as const;
export type ModeName = (typeof MODE_NAMES)[number];

import { DATASET_NAMES, type DatasetName } from './datasets';

export { DATASET_NAMES, type DatasetName };

export const MODEL_KINDS = ['mlp', 'cnn'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const OPTIMIZER_NAMES = ['adam', 'sgd', 'rmsprop', 'adagrad'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** 'auto' tries webgpu → webgl → wasm → cpu; a named backend is tried alone. */
export const BACKEND_PREFERENCES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];
export type BackendName = Exclude<BackendPreference, 'auto'>;
export const AUTO_BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const DATA_SOURCES = ['memory', 'compute', 'shards'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export const GENERATOR_YIELDS = ['batches', 'samples'] as const;
export type GeneratorYields = (typeof GENERATOR_YIELDS)[number];

export const FEEDS = ['arrays', 'pipeline'] as const;
export type Feed = (typeof FEEDS)[number];

export const YIELD_EVERY = ['never', 'auto', 'batch', 'epoch'] as const;
export type YieldEvery = (typeof YIELD_EVERY)[number];

export const LOSS_VIEWS = ['batch', 'keras'] as const;
export type LossView = (typeof LOSS_VIEWS)[number];

/** How often the loss is read back to the CPU: every batch, every N batches (N ≥ 2), or at each epoch's end. */
export type Readback = 'every' | 'epoch' | number;

export interface RunConfig {
  modes: ModeName[];
  dataset: DatasetName;
  /** mlp: Dense layers only; cnn: two conv + pool blocks before them (image data sets only). */
  model: ModelKind;
  samples: number;
  features: number;
  batchSize: number;
  epochs: number;
  hidden: number[];
  optimizer: OptimizerName;
  learningRate: number;
  seed: number;
  backend: BackendPreference;
  /** Loss readback policy for fit, fitDataset and loop (trainOnBatch always reads every batch). */
  readback: Readback;
  /** Where the generator pipeline gets samples: arrays in memory, computed on the fly, or shards read on demand. */
  source: DataSource;
  /** Simulated I/O wait per batch in the generator (a real wait, like a slow disk or network). */
  latencyMs: number;
  /** Augmentation passes per sample in the generator (noise and jitter: real computation). */
  augment: number;
  /** Whether the generator yields ready batches, or single samples grouped with .batch(). */
  genYields: GeneratorYields;
  /** .prefetch(n) depth on the generator pipeline; 0 = none. */
  prefetch: number;
  /** Where trainOnBatch and loop take batches: straight from arrays, or through the same pipeline as fitDataset. */
  feed: Feed;
  /** fit only: shuffle the samples each epoch (Keras fit's shuffle). */
  shuffle: boolean;
  /** fit only: fraction of the last samples held out for validation (Keras fit's validation_split). */
  validationSplit: number;
  /** fit and fitDataset: how often tfjs yields to the event loop (an animation frame where one exists). */
  yieldEvery: YieldEvery;
  /** fit and fitDataset: per-batch callbacks (timing, memory, loss) on, or off (epoch-level only). */
  callbacks: boolean;
  /** Show the raw batch loss (tfjs) or Keras' running mean over the epoch. */
  lossView: LossView;
  /** Memory budget for the guard, in MB; 0 = the backend's own limit. */
  budgetMb: number;
  /** Teaching toggle, loop only: keep every batch's loss tensor (never dispose it), so the tensor count climbs. */
  leak: boolean;
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
  | (FieldBase<'samples' | 'features' | 'batchSize' | 'epochs' | 'seed' | 'augment' | 'prefetch' | 'budgetMb'> & {
      kind: 'int';
      min: number;
      max: number;
      /** Value a bare CLI flag stands for (e.g. `--augment` = 1 pass). */
      bare?: string;
    })
  | (FieldBase<'learningRate' | 'latencyMs' | 'validationSplit'> & { kind: 'number'; min: number; max: number })
  | (FieldBase<'dataset' | 'model' | 'optimizer' | 'backend' | 'source' | 'genYields' | 'feed' | 'yieldEvery' | 'lossView'> & {
      kind: 'choice';
      choices: readonly string[];
    })
  | (FieldBase<'shuffle' | 'callbacks' | 'leak'> & { kind: 'bool' })
  /** 'every', 'epoch', or an integer N in min…max (read every N batches). */
  | (FieldBase<'readback'> & { kind: 'readback'; min: number; max: number })
  | (FieldBase<'modes'> & { kind: 'choiceList'; choices: readonly string[] })
  | (FieldBase<'hidden'> & { kind: 'intList'; min: number; max: number; maxLength: number });

export const DEFAULT_CONFIG: Readonly<RunConfig> = Object.freeze({
  modes: [...MODE_NAMES],
  dataset: 'teacher',
  model: 'mlp',
  samples: 4096,
  features: 32,
  batchSize: 32,
  epochs: 2,
  hidden: [64, 64],
  optimizer: 'adam',
  learningRate: 0.01,
  seed: 42,
  backend: 'auto',
  readback: 'every',
  source: 'memory',
  latencyMs: 0,
  augment: 0,
  genYields: 'batches',
  prefetch: 0,
  feed: 'arrays',
  shuffle: false,
  validationSplit: 0,
  yieldEvery: 'never',
  callbacks: true,
  lossView: 'batch',
  budgetMb: 0,
  leak: false,
});

export const FIELD_TABLE: readonly FieldSpec[] = [
  {
    name: 'modes', key: 'modes', kind: 'choiceList', choices: MODE_NAMES, label: 'Modes',
    help: 'fit = Keras fit on tensors; fitDataset = fit_generator; trainOnBatch = train_on_batch loop; loop = hand optimizer.minimize',
  },
  { name: 'dataset', key: 'dataset', kind: 'choice', choices: DATASET_NAMES, label: 'Data set', help: 'teacher (regression), spirals, circles, xor (synthetic classes), mnist (digits), penguins, iris' },
  { name: 'model', key: 'model', kind: 'choice', choices: MODEL_KINDS, label: 'Model', help: 'mlp = Dense layers; cnn = Conv2D + MaxPooling blocks first (image data: mnist)' },
  { name: 'samples', key: 'samples', kind: 'int', min: 16, max: 1_000_000, label: 'Samples', help: 'training set size' },
  { name: 'features', key: 'features', kind: 'int', min: 1, max: 1024, label: 'Features', help: 'inputs per sample (teacher only; other sets have their own)' },
  { name: 'batchSize', key: 'batch', kind: 'int', min: 1, max: 65_536, label: 'Batch size', help: 'batch_size: samples per gradient step' },
  { name: 'epochs', key: 'epochs', kind: 'int', min: 1, max: 1000, label: 'Epochs', help: 'passes over the training set' },
  { name: 'hidden', key: 'hidden', kind: 'intList', min: 1, max: 4096, maxLength: 8, label: 'Hidden layers', help: 'units per Dense(relu) layer, comma separated; empty = linear model' },
  { name: 'optimizer', key: 'optimizer', kind: 'choice', choices: OPTIMIZER_NAMES, label: 'Optimizer', help: 'the optimizer passed to compile()' },
  { name: 'learningRate', key: 'lr', kind: 'number', min: 1e-6, max: 10, label: 'Learning rate', help: 'optimizer learning rate' },
  { name: 'seed', key: 'seed', kind: 'int', min: 0, max: 2_147_483_647, label: 'Seed', help: 'same seed = same data and initial weights for every mode' },
  { name: 'backend', key: 'backend', kind: 'choice', choices: BACKEND_PREFERENCES, label: 'Backend', help: 'auto tries webgpu → webgl → wasm → cpu and shows what it got' },
  { name: 'readback', key: 'readback', kind: 'readback', min: 2, max: 100_000, label: 'Loss readback', help: 'every | N | epoch: how often the loss is read back to the CPU (a GPU sync); trainOnBatch always reads every batch' },
  { name: 'source', key: 'source', kind: 'choice', choices: DATA_SOURCES, label: 'Generator source', help: 'memory = arrays in RAM; compute = each sample made on the fly; shards = files read on demand' },
  { name: 'latencyMs', key: 'latency-ms', kind: 'number', min: 0, max: 5000, label: 'I/O latency (ms)', help: 'simulated wait per batch inside the generator, as from a slow disk or network' },
  { name: 'augment', key: 'augment', kind: 'int', min: 0, max: 16, bare: '1', label: 'Augment passes', help: 'per-sample noise + jitter passes in the generator (real work, like Keras preprocessing)' },
  { name: 'genYields', key: 'gen-yields', kind: 'choice', choices: GENERATOR_YIELDS, label: 'Generator yields', help: 'ready batches, or single samples grouped with .batch() (like a Keras generator vs a per-sample tf.data map)' },
  { name: 'prefetch', key: 'prefetch', kind: 'int', min: 0, max: 64, label: 'Prefetch', help: '.prefetch(n) on the pipeline (Keras max_queue_size): makes batches ahead to hide latency' },
  { name: 'feed', key: 'feed', kind: 'choice', choices: FEEDS, label: 'trainOnBatch/loop feed', help: 'arrays = batches sliced from memory; pipeline = the same generator as fitDataset' },
  { name: 'shuffle', key: 'shuffle', kind: 'bool', label: 'Shuffle (fit)', help: 'Keras fit(shuffle=True): reorder samples every epoch' },
  { name: 'validationSplit', key: 'validation-split', kind: 'number', min: 0, max: 0.9, label: 'Validation split (fit)', help: 'Keras fit(validation_split): the last fraction of samples is held out (all modes train on the rest)' },
  { name: 'yieldEvery', key: 'yield-every', kind: 'choice', choices: YIELD_EVERY, label: 'yieldEvery (fit)', help: "tfjs fit's yieldEvery: never, auto (≤ every 125 ms), batch or epoch; each yield waits for a frame where one exists" },
  { name: 'callbacks', key: 'callbacks', kind: 'bool', label: 'Per-batch callbacks', help: 'fit/fitDataset: off = no per-batch callback (times are averages; stop lands at the epoch end)' },
  { name: 'lossView', key: 'loss', kind: 'choice', choices: LOSS_VIEWS, label: 'Loss shown', help: "batch = tfjs' per-batch loss; keras = Keras' running mean over the epoch" },
  { name: 'budgetMb', key: 'budget-mb', kind: 'int', min: 0, max: 1_000_000, label: 'Memory budget (MB)', help: "the guard refuses a mode whose estimated peak exceeds this; 0 = the backend's own limit" },
  { name: 'leak', key: 'leak', kind: 'bool', label: 'Leak tensors (loop)', help: 'teaching toggle: the loop forgets to dispose each batch loss, so the tensor count climbs one per batch' },
];

export function fieldByKey(key: string): FieldSpec | undefined {
  return FIELD_TABLE.find((f) => f.key === key);
}

export function cloneConfig(config: RunConfig): RunConfig {
  return { ...config, modes: [...config.modes], hidden: [...config.hidden] };
}

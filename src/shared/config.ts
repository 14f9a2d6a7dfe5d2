// Runs everywhere (page, worker, Node). The one description of a run's setup: the FIELDS table below. Every host
// (URL, CLI, form, postMessage, README) reads and writes RunConfig through it; see docs/architecture.md.

export const MODE_NAMES = ['fit', 'fitDataset', 'trainOnBatch', 'loop'] as const;
export type ModeName = (typeof MODE_NAMES)[number];

import { DATASET_NAMES, type DatasetName } from './datasets';
import type { AnyField, Readback, ValueOf } from './field-kinds';

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

export const KERNEL_SETS = ['stock', 'tuned'] as const;
export type KernelSet = (typeof KERNEL_SETS)[number];

export const LOSS_VIEWS = ['batch', 'keras'] as const;
export type LossView = (typeof LOSS_VIEWS)[number];

export type { Readback };

/**
 * Every setting of a run, once: its URL key and CLI flag, label, help, kind and range, and default. RunConfig,
 * DEFAULT_CONFIG and FIELD_TABLE are derived from this table, and every host (URL, CLI, form, postMessage, README)
 * reads it, so a new setting is one row here plus its use in the engine (README "Adding a setting").
 */
export const FIELDS = {
  modes: {
    kind: 'choiceList',
    key: 'modes',
    choices: MODE_NAMES,
    default: MODE_NAMES,
    basic: true,
    label: 'Modes',
    help: 'fit = Keras fit on tensors; fitDataset = fit_generator; trainOnBatch = train_on_batch loop; loop = hand optimizer.minimize',
  },
  dataset: {
    kind: 'choice',
    key: 'dataset',
    choices: DATASET_NAMES,
    default: 'teacher',
    basic: true,
    label: 'Data set',
    help: 'teacher (regression), spirals, circles, xor (synthetic classes), mnist (digits), penguins, iris',
  },
  model: {
    kind: 'choice',
    key: 'model',
    choices: MODEL_KINDS,
    default: 'mlp',
    label: 'Model',
    help: 'mlp = Dense layers; cnn = Conv2D + MaxPooling blocks first (image data: mnist)',
  },
  samples: {
    kind: 'int',
    key: 'samples',
    min: 16,
    max: 1_000_000,
    default: 4096,
    basic: true,
    label: 'Samples',
    help: 'training set size',
  },
  features: {
    kind: 'int',
    key: 'features',
    min: 1,
    max: 1024,
    default: 32,
    basic: true,
    label: 'Features',
    help: 'inputs per sample (teacher only; other sets have their own)',
  },
  batchSize: {
    kind: 'int',
    key: 'batch',
    min: 1,
    max: 65_536,
    default: 32,
    basic: true,
    label: 'Batch size',
    help: 'batch_size: samples per gradient step',
  },
  epochs: { kind: 'int', key: 'epochs', min: 1, max: 1000, default: 2, basic: true, label: 'Epochs', help: 'passes over the training set' },
  hidden: {
    kind: 'intList',
    key: 'hidden',
    min: 1,
    max: 4096,
    maxLength: 8,
    default: [64, 64],
    basic: true,
    label: 'Hidden layers',
    help: 'units per Dense(relu) layer, comma separated; empty = linear model',
  },
  optimizer: {
    kind: 'choice',
    key: 'optimizer',
    choices: OPTIMIZER_NAMES,
    default: 'adam',
    basic: true,
    label: 'Optimizer',
    help: 'the optimizer passed to compile()',
  },
  learningRate: {
    kind: 'number',
    key: 'lr',
    min: 1e-6,
    max: 10,
    default: 0.01,
    basic: true,
    label: 'Learning rate',
    help: 'optimizer learning rate',
  },
  seed: {
    kind: 'int',
    key: 'seed',
    min: 0,
    max: 2_147_483_647,
    default: 42,
    basic: true,
    label: 'Seed',
    help: 'same seed = same data and initial weights for every mode',
  },
  repeats: {
    kind: 'int',
    key: 'repeats',
    min: 1,
    max: 20,
    default: 1,
    basic: true,
    label: 'Repeats',
    help: 'run the chosen modes this many times, in rotated order (ABBA…), each from the same weights and data; intervals then come from the repeats',
  },
  backend: {
    kind: 'choice',
    key: 'backend',
    choices: BACKEND_PREFERENCES,
    default: 'auto',
    basic: true,
    label: 'Backend',
    help: 'auto tries webgpu → webgl → wasm → cpu and shows what it got',
  },
  kernels: {
    kind: 'choice',
    key: 'kernels',
    choices: KERNEL_SETS,
    default: 'stock',
    label: 'wasm kernels',
    help: "stock = tfjs as shipped; tuned = fitscope's wasm kernels: transposed matrix products on the fast path, and the Conv2DBackpropFilter a CNN needs",
  },
  readback: {
    kind: 'readback',
    key: 'readback',
    min: 2,
    max: 100_000,
    default: 'every',
    label: 'Loss readback',
    help: 'every | N | epoch: how often the loss is read back to the CPU (a GPU sync); trainOnBatch always reads every batch',
  },
  source: {
    kind: 'choice',
    key: 'source',
    choices: DATA_SOURCES,
    default: 'memory',
    label: 'Generator source',
    help: 'memory = arrays in RAM; compute = each sample made on the fly; shards = files read on demand',
  },
  latencyMs: {
    kind: 'number',
    key: 'latency-ms',
    min: 0,
    max: 5000,
    default: 0,
    label: 'I/O latency (ms)',
    help: 'simulated wait per batch inside the generator, as from a slow disk or network',
  },
  augment: {
    kind: 'int',
    key: 'augment',
    min: 0,
    max: 16,
    default: 0,
    bare: '1',
    label: 'Augment passes',
    help: 'per-sample noise + jitter passes in the generator (real work, like Keras preprocessing)',
  },
  genYields: {
    kind: 'choice',
    key: 'gen-yields',
    choices: GENERATOR_YIELDS,
    default: 'batches',
    label: 'Generator yields',
    help: 'ready batches, or single samples grouped with .batch() (like a Keras generator vs a per-sample tf.data map)',
  },
  prefetch: {
    kind: 'int',
    key: 'prefetch',
    min: 0,
    max: 64,
    default: 0,
    label: 'Prefetch',
    help: '.prefetch(n) on the pipeline (Keras max_queue_size): makes batches ahead to hide latency',
  },
  feed: {
    kind: 'choice',
    key: 'feed',
    choices: FEEDS,
    default: 'arrays',
    label: 'trainOnBatch/loop feed',
    help: 'arrays = batches sliced from memory; pipeline = the same generator as fitDataset',
  },
  shuffle: {
    kind: 'bool',
    key: 'shuffle',
    default: false,
    label: 'Shuffle (fit)',
    help: 'Keras fit(shuffle=True): reorder samples every epoch',
  },
  validationSplit: {
    kind: 'number',
    key: 'validation-split',
    min: 0,
    max: 0.9,
    default: 0,
    label: 'Validation split (fit)',
    help: 'Keras fit(validation_split): the last fraction of samples is held out (all modes train on the rest)',
  },
  yieldEvery: {
    kind: 'choice',
    key: 'yield-every',
    choices: YIELD_EVERY,
    default: 'never',
    label: 'yieldEvery (fit)',
    help: "tfjs fit's yieldEvery: never, auto (≤ every 125 ms), batch or epoch; each yield waits for a frame where one exists",
  },
  callbacks: {
    kind: 'bool',
    key: 'callbacks',
    default: true,
    label: 'Per-batch callbacks',
    help: 'fit/fitDataset: off = no per-batch callback (times are averages; stop lands at the epoch end)',
  },
  lossView: {
    kind: 'choice',
    key: 'loss',
    choices: LOSS_VIEWS,
    default: 'batch',
    label: 'Loss shown',
    help: "batch = tfjs' per-batch loss; keras = Keras' running mean over the epoch",
  },
  budgetMb: {
    kind: 'int',
    key: 'budget-mb',
    min: 0,
    max: 1_000_000,
    default: 0,
    label: 'Memory budget (MB)',
    help: "the guard refuses a mode whose estimated peak exceeds this; 0 = the backend's own limit",
  },
  leak: {
    kind: 'bool',
    key: 'leak',
    default: false,
    label: 'Leak tensors (loop)',
    help: 'teaching toggle: the loop forgets to dispose each batch loss, so the tensor count climbs one per batch',
  },
} as const satisfies Record<string, AnyField>;

export type FieldName = keyof typeof FIELDS;

/** The one description of a run's setup, derived from FIELDS (each field's meaning is its row's help). */
export type RunConfig = { [K in FieldName]: ValueOf<(typeof FIELDS)[K]> };

/** A row of FIELDS with its field name, typed by its kind (not by its literal values). */
export type FieldSpec = AnyField & { name: FieldName };

/** FIELDS as a list, in table order: the order links, the CLI's help, the form and the README use. */
export const FIELD_TABLE: readonly FieldSpec[] = Object.entries(FIELDS).map(([name, spec]) => ({ ...spec, name }) as FieldSpec);

const copy = <T>(value: T): T => (Array.isArray(value) ? ([...value] as T) : value);

export const DEFAULT_CONFIG: Readonly<RunConfig> = Object.freeze(
  Object.fromEntries(FIELD_TABLE.map((spec) => [spec.name, copy(spec.default)])) as unknown as RunConfig,
);

export function fieldByKey(key: string): FieldSpec | undefined {
  return FIELD_TABLE.find((f) => f.key === key);
}

export function cloneConfig(config: RunConfig): RunConfig {
  return Object.fromEntries(Object.entries(config).map(([name, value]) => [name, copy(value)])) as RunConfig;
}

// Runs everywhere (pure). The preset gallery: each preset is a link that sets up one claim of the seed article
// (what fit, fit_generator and train_on_batch cost) so that a run shows it in numbers, with one line saying what
// to look for. Sizes are for a browser demo: each runs in seconds to about a minute. Pairs (same setup, one knob
// apart) share a `pair` name.
import { DEFAULT_CONFIG, cloneConfig, type RunConfig } from '../shared/config';
import { DEFAULT_VIEW_SETTINGS, type ViewSettings } from '../shared/view-settings';
import { encodeQuery } from '../links/url-codec';

export interface Preset {
  id: string;
  title: string;
  /** The seed article's claim this preset puts to the test, in a sentence. */
  claim: string;
  /** One line: what to look at once it has run. */
  lookFor: string;
  /** What differs from DEFAULT_CONFIG. */
  config: Partial<RunConfig>;
  view?: Partial<ViewSettings>;
  /** Presets of one comparison share this (e.g. the same run on two backends). */
  pair?: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'small-data-fit',
    title: 'Small data: fit is enough',
    claim: '`fit` is the simplest choice for small data sets that fit in memory comfortably.',
    lookFor:
      "Summary: fit's time per batch is within a fraction of a millisecond of the other modes', and holding the whole set costs 32 kB ('Data set memory'): at this size the simplest call is good enough.",
    config: { dataset: 'spirals', samples: 2048, hidden: [32, 32], epochs: 5 },
  },
  {
    id: 'large-data-generator',
    title: 'Too large for fit: the generator stays flat',
    claim: '`fit_generator` loads only the batch it needs, so memory stays flat however large the data set.',
    lookFor:
      "Memory chart: fit holds the whole million samples (about 130 MB, 'Data set memory' in the summary) from its first batch; fitDataset stays at a few hundred kB.",
    config: { samples: 1_000_000, batchSize: 1000, epochs: 1, modes: ['fit', 'fitDataset'], source: 'compute' },
    view: { xAxis: 'samples' },
  },
  {
    id: 'slow-io',
    title: 'Slow I/O, no prefetch',
    claim: "A generator's speed depends on its I/O: every batch waits for its data.",
    lookFor:
      "fitDataset's 'Data wait / batch' is about 10 ms and its time per batch is fit's plus that wait; compare with the prefetch preset.",
    config: { backend: 'wasm', samples: 4096, batchSize: 128, hidden: [256, 256], epochs: 1, modes: ['fit', 'fitDataset'], latencyMs: 10 },
    pair: 'slow-io',
  },
  {
    id: 'slow-io-prefetch',
    title: 'Slow I/O, prefetch hides it',
    claim: 'Optimise data loading alongside training: a prefetching pipeline loads the next batches while the model trains.',
    lookFor:
      "With prefetch=4 fitDataset's data wait drops towards 0 and its time per batch comes close to fit's: the 10 ms wait overlaps the training step (prefetch hides I/O only up to the step's own length).",
    config: {
      backend: 'wasm',
      samples: 4096,
      batchSize: 128,
      hidden: [256, 256],
      epochs: 1,
      modes: ['fit', 'fitDataset'],
      latencyMs: 10,
      prefetch: 4,
    },
    pair: 'slow-io',
  },
  {
    id: 'readback-every-batch',
    title: 'trainOnBatch reads back every batch',
    claim: '`train_on_batch` gives full control, but tfjs returns its loss as a number: one GPU-to-CPU read per batch.',
    lookFor:
      "The summary's loss reads: trainOnBatch one per batch, loop (readback=epoch) one per epoch; on a real GPU that sync makes trainOnBatch slower per batch (on wasm or cpu a read costs nothing).",
    config: { modes: ['trainOnBatch', 'loop'], readback: 'epoch', epochs: 2 },
  },
  {
    id: 'leaky-loop',
    title: 'A hand loop that leaks tensors',
    claim: 'With a hand-written loop, incorrect management leads to degradation: here, a loss tensor never disposed.',
    lookFor:
      "Tensors chart: loop's line climbs by one tensor per batch while trainOnBatch's stays flat, and the summary's 'Leaked' column equals loop's batch count. Untick 'Leak tensors (loop)' to see it fixed.",
    config: { modes: ['trainOnBatch', 'loop'], leak: true, features: 4, hidden: [8], samples: 8192, batchSize: 16, epochs: 2 },
  },
  {
    id: 'fit-wasm-small',
    title: 'fit on wasm, small data set',
    claim: '`fit` holds the data set as tensors; at 8k samples that costs nothing per batch.',
    lookFor: 'fit and fitDataset take about the same time per batch; keep the number in mind for the large preset.',
    config: { backend: 'wasm', modes: ['fit', 'fitDataset'], samples: 8192, batchSize: 64, epochs: 4 },
    pair: 'fit-wasm',
  },
  {
    id: 'fit-wasm-large',
    title: 'fit on wasm slows as the data set grows',
    claim:
      "`fit` slices every batch from an index over the whole epoch; wasm's slice copies all of it, so each batch costs more as the data set grows.",
    lookFor:
      "fit's time per batch rises well above the small preset's while fitDataset's stays where it was (500k samples: about 7,800 batches a mode).",
    config: { backend: 'wasm', modes: ['fit', 'fitDataset'], samples: 500_000, batchSize: 64, epochs: 1 },
    pair: 'fit-wasm',
  },
  {
    id: 'small-model-webgpu',
    title: 'Small model on WebGPU',
    claim: 'A GPU pays a fixed cost per step (dispatch, sync); a small model cannot earn it back.',
    lookFor:
      "Compare time per batch with the wasm preset: at this size each WebGPU step's fixed dispatch and sync cost dominates, so wasm often matches or beats it. Without WebGPU the page says so.",
    config: { backend: 'webgpu', modes: ['fit', 'loop'], readback: 'epoch', epochs: 1 },
    pair: 'small-model',
  },
  {
    id: 'small-model-wasm',
    title: 'Small model on wasm',
    claim: 'On the CPU (wasm, SIMD) a small model has no per-step dispatch cost to pay.',
    lookFor: 'Time per batch: compare with the WebGPU preset, same model and data.',
    config: { backend: 'wasm', modes: ['fit', 'loop'], readback: 'epoch', epochs: 1 },
    pair: 'small-model',
  },
  {
    id: 'large-model-webgpu',
    title: 'Large model on WebGPU',
    claim: 'Throughput is a matter of model size and GPU: a large model keeps the GPU busy.',
    lookFor:
      'Time per batch for a 784-1024-1024-10 MLP at batch 256: compare with the wasm preset, typically many times slower (not so against a software GPU such as SwiftShader).',
    config: {
      backend: 'webgpu',
      dataset: 'mnist',
      samples: 10_000,
      hidden: [1024, 1024],
      batchSize: 256,
      epochs: 1,
      modes: ['fit', 'loop'],
      readback: 'epoch',
    },
    pair: 'large-model',
  },
  {
    id: 'large-model-wasm',
    title: 'Large model on wasm',
    claim: 'On the CPU the same large model is bound by arithmetic.',
    lookFor: 'Time per batch: compare with the WebGPU preset, same model and data.',
    config: {
      backend: 'wasm',
      dataset: 'mnist',
      samples: 10_000,
      hidden: [1024, 1024],
      batchSize: 256,
      epochs: 1,
      modes: ['fit', 'loop'],
      readback: 'epoch',
    },
    pair: 'large-model',
  },
  {
    id: 'large-model-wasm-stock',
    title: 'Large model on wasm, kernels as shipped',
    claim: 'How fast training runs depends on more than the mode: here the matrix products of the backward pass.',
    lookFor:
      "Time per batch with tfjs' stock wasm kernels, which send every transposed matrix product (all of a Dense layer's backward pass) to a slow loop: compare with the tuned preset.",
    config: {
      backend: 'wasm',
      dataset: 'mnist',
      samples: 5_120,
      hidden: [1024],
      batchSize: 256,
      epochs: 1,
      modes: ['loop'],
      readback: 'epoch',
      kernels: 'stock',
    },
    pair: 'wasm-kernels',
  },
  {
    id: 'large-model-wasm-tuned',
    title: 'Large model on wasm, tuned kernels',
    claim: "The same model and data with fitscope's tuned wasm kernels: transposed products go to the fast path.",
    lookFor:
      'Time per batch many times lower than the stock preset (about 12× for 784→1024→10 at batch 256 here), the same loss: the kernels change speed, not results.',
    config: {
      backend: 'wasm',
      dataset: 'mnist',
      samples: 5_120,
      hidden: [1024],
      batchSize: 256,
      epochs: 1,
      modes: ['loop'],
      readback: 'epoch',
      kernels: 'tuned',
    },
    pair: 'wasm-kernels',
  },
];

export function presetConfig(preset: Preset): RunConfig {
  return { ...cloneConfig(DEFAULT_CONFIG as RunConfig), ...preset.config };
}

export function presetView(preset: Preset): ViewSettings {
  return { ...DEFAULT_VIEW_SETTINGS, hidden: [], ...preset.view };
}

/** The preset's query string (without '?'), canonical: the link the gallery shows. */
export function presetQuery(preset: Preset): string {
  return encodeQuery(presetConfig(preset), { view: presetView(preset) });
}

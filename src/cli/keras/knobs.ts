// Runs in Node. How each of fitscope's knobs maps onto Keras, said once per run: one line for every knob that
// is set but has no counterpart (or a different one) in Keras, so none is dropped silently.
import type { RunConfig } from '../../shared/config';

export interface KnobContext {
  /** PyDataset worker threads for a prefetching generator (--workers). */
  workers: number;
}

const pipelineModes = (config: RunConfig) =>
  config.modes.includes('fitDataset') || (config.feed === 'pipeline' && config.modes.some((m) => m === 'trainOnBatch' || m === 'loop'));

export function knobNotes(config: RunConfig, { workers }: KnobContext): string[] {
  const notes: string[] = [];
  const modes = new Set(config.modes);
  const pipeline = pipelineModes(config);
  if (config.backend !== 'auto' && config.backend !== 'cpu')
    notes.push(`backend=${config.backend}: Keras runs on TensorFlow's native CPU kernels here; tfjs' backend choice has no counterpart`);
  if (config.readback !== 'every' && (modes.has('fit') || modes.has('fitDataset'))) {
    notes.push(
      `readback=${config.readback}: Keras turns every batch's logs into Python floats before a per-batch callback sees them, so fit and fitDataset read the loss back every batch; the GradientTape loop follows the setting`,
    );
  }
  if (config.yieldEvery !== 'never')
    notes.push(`yield-every=${config.yieldEvery}: Python Keras has no event loop to yield to; no counterpart`);
  if (config.lossView === 'keras')
    notes.push("loss=keras: Keras logs its running mean anyway; the summaries' losses are full-set evaluations either way");
  if (config.budgetMb > 0) notes.push('budget-mb: the memory guard estimates tfjs tensors; the Keras runner runs every mode');
  if (config.leak) notes.push('leak=1: Python frees tensors when they go out of scope, so the Keras loop cannot leak them; no counterpart');
  if (config.shuffle && modes.has('fit'))
    notes.push(
      `shuffle: Keras' fit shuffles in its own random order (seeded from --seed ${config.seed}), not the engine's; losses agree less closely`,
    );
  if (pipeline) {
    if (config.source !== 'memory')
      notes.push(
        `source=${config.source}: the Keras generator slices the rows the engine exported, in memory; computing rows or reading shards on demand has no counterpart here`,
      );
    if (config.augment > 0)
      notes.push(
        `augment=${config.augment}: the same arithmetic (two normals per feature per pass) from numpy's generator: the work matches, the augmented values differ from the engine's`,
      );
    if (config.genYields === 'samples')
      notes.push(
        "gen-yields=samples: Keras' fit takes batches, so single samples are grouped by tf.data.Dataset.from_generator(...).batch()",
      );
    if (config.prefetch > 0) {
      const fitFeed =
        config.genYields === 'batches'
          ? `keras.utils.PyDataset(workers=${workers}, max_queue_size=${config.prefetch}) for fitDataset`
          : `tf.data .prefetch(${config.prefetch}) for fitDataset`;
      notes.push(`prefetch=${config.prefetch}: ${fitFeed}; tf.data .prefetch(${config.prefetch}) for the loops`);
    } else if (modes.has('fitDataset') && config.genYields === 'batches') {
      notes.push(
        "fitDataset: Keras wraps a Python generator in tf.data with prefetch(AUTOTUNE), so batches are made ahead on a background thread even with prefetch=0 (tfjs' fitDataset does not prefetch)",
      );
    }
  }
  return notes;
}

"""Where the modes get their batches: the engine's generator pipeline (src/engine/data/pipeline.ts) in Keras'
terms. Batch i is always rows [i*B, (i+1)*B) of the training rows, in order, as in the engine.

- a plain Python generator of batches (Keras 3's fit takes it where Keras 2 had fit_generator);
- genYields = samples: a generator of single samples grouped by tf.data's .batch(), as the engine groups them;
- prefetch = n: tf.data's .prefetch(n) for the loops, and a keras.utils.PyDataset with a worker queue of n
  batches (max_queue_size) for fit, Keras' own counterpart of a prefetching generator.
"""
import time

import keras
import numpy as np
import tensorflow as tf

JITTER = 0.05  # as src/engine/data/augment.ts
NOISE = 0.05


class BatchSource:
    """The generator's work for batch i: the simulated I/O wait, the rows, the augmentation passes."""

    def __init__(self, spec, x, y):
        plan, pipeline = spec["plan"], spec["pipeline"]
        self.x, self.y = x, y
        self.rows = plan["trainSamples"]
        self.batch_size = plan["batchSize"]
        self.steps = -(-self.rows // self.batch_size)
        self.latency_s = pipeline["latencyMs"] / 1000
        self.augment = pipeline["augment"]
        self.gen_yields = pipeline["genYields"]
        self.prefetch = pipeline["prefetch"]
        # numpy's Generator takes a lock per call, so PyDataset's worker threads may share it.
        self.rng = np.random.default_rng(spec["seed"])

    def batch(self, i):
        start = i * self.batch_size
        end = min(self.rows, start + self.batch_size)
        if self.latency_s > 0:
            time.sleep(self.latency_s)
        xb, yb = self.x[start:end], self.y[start:end]
        for _ in range(self.augment):
            # The same arithmetic as the engine (two normals per feature per pass), from numpy's generator:
            # the augmented values differ from the engine's, the work does not.
            xb = (xb * (1 + JITTER * self.rng.standard_normal(xb.shape, dtype=np.float32)) + NOISE * self.rng.standard_normal(xb.shape, dtype=np.float32)).astype(np.float32)
        return xb, yb

    def batches(self):
        for i in range(self.steps):
            yield self.batch(i)

    def samples(self):
        for xb, yb in self.batches():
            yield from zip(xb, yb)

    def endless(self):
        while True:
            yield from self.batches()

    @property
    def plain(self):
        """Ready batches without prefetch: a plain Python generator serves them."""
        return self.gen_yields == "batches" and self.prefetch == 0

    def tf_dataset(self):
        features, outputs = self.x.shape[1], self.y.shape[1]
        if self.gen_yields == "samples":
            signature = (tf.TensorSpec((features,), tf.float32), tf.TensorSpec((outputs,), tf.float32))
            ds = tf.data.Dataset.from_generator(self.samples, output_signature=signature).batch(self.batch_size)
        else:
            signature = (tf.TensorSpec((None, features), tf.float32), tf.TensorSpec((None, outputs), tf.float32))
            ds = tf.data.Dataset.from_generator(self.batches, output_signature=signature)
        return ds.prefetch(self.prefetch) if self.prefetch > 0 else ds


class BatchesDataset(keras.utils.PyDataset):
    """The generator as a PyDataset: Keras' worker threads fill a queue of max_queue_size batches."""

    def __init__(self, source, workers, max_queue_size):
        super().__init__(workers=workers, use_multiprocessing=False, max_queue_size=max_queue_size)
        self.source = source

    def __len__(self):
        return self.source.steps

    def __getitem__(self, i):
        return self.source.batch(i)


def fit_input(source, workers):
    """What model.fit gets for fitDataset: (data, extra fit kwargs, how it was fed, in words)."""
    if source.plain:
        # Keras 3 has no fit_generator; an endless generator with steps_per_epoch is how fit takes one. Keras
        # wraps it in tf.data with .prefetch(AUTOTUNE): it is made ahead in a background thread even so.
        return source.endless(), {"steps_per_epoch": source.steps}, "Python generator (Keras adds tf.data prefetch(AUTOTUNE))"
    if source.gen_yields == "batches":
        return BatchesDataset(source, workers, source.prefetch), {}, f"keras.utils.PyDataset(workers={workers}, max_queue_size={source.prefetch})"
    return source.tf_dataset(), {}, "tf.data from_generator(samples).batch()" + (f".prefetch({source.prefetch})" if source.prefetch else "")


def loop_epoch(spec, source):
    """One epoch of batches for train_on_batch and the GradientTape loop, as their feed setting says."""
    if spec["pipeline"]["feed"] == "pipeline":
        return source.batches() if source.plain else iter(source.tf_dataset())
    b, rows = source.batch_size, source.rows
    return ((source.x[s:min(rows, s + b)], source.y[s:min(rows, s + b)]) for s in range(0, rows, b))

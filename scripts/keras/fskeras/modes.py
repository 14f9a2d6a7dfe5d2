"""The four modes, timed as the engine times them (src/engine/batch-recorder.ts): each batch's time runs from the
end of the previous batch's bookkeeping (or the start of training) to the end of this batch."""
import time

import keras
import numpy as np
import tensorflow as tf

from . import feeds
from .model import loss_name, loss_object, make_optimizer


class Clock:
    def __init__(self, plan):
        self.batch_size = plan["batchSize"]
        self.rows = plan["trainSamples"]
        self.steps = -(-self.rows // self.batch_size)
        self.readback = plan["readback"]
        self.batch_ms, self.data_ms = [], []
        self.samples_seen = 0
        self.loss_reads = 0
        self.timing = "batch"
        self._seen = 0
        self.started = self.last = self.ended = None

    def start(self):
        self.started = self.last = time.perf_counter()

    def batch_size_of(self, batch):
        return min(self.batch_size, self.rows - batch * self.batch_size)

    def wants_read(self, batch):
        """The engine's LossReader policy: every batch, every N batches, or the last batch of each epoch."""
        if self.readback == "every":
            return True
        if self.readback == "epoch":
            return batch == self.steps - 1
        return (self._seen + 1) % self.readback == 0

    def batch_end(self, batch, read=None):
        self.batch_ms.append((time.perf_counter() - self.last) * 1000)
        self.samples_seen += self.batch_size_of(batch)
        self._seen += 1
        if read is not None:
            read()
            self.loss_reads += 1
        self.last = time.perf_counter()

    def epoch_end(self):
        """Per-batch callbacks off: the epoch's time spread over its batches, as the engine's epochEnd()."""
        self.timing = "epoch"
        per_batch = (time.perf_counter() - self.last) * 1000 / self.steps
        self.batch_ms.extend([per_batch] * self.steps)
        self.samples_seen += self.rows
        self.last = time.perf_counter()

    def finish(self):
        self.ended = time.perf_counter()

    @property
    def total_ms(self):
        return (self.ended - self.started) * 1000


class PerBatch(keras.callbacks.Callback):
    """Keras converts the logs to Python floats before any per-batch callback sees them (pythonify_logs), so
    every batch's loss is read back here whatever the readback setting: Keras' behaviour, counted as such."""

    def __init__(self, clock):
        super().__init__()
        self.clock = clock

    def on_train_batch_end(self, batch, logs=None):
        self.clock.batch_end(batch)
        self.clock.loss_reads += 1


class PerEpoch(keras.callbacks.Callback):
    def __init__(self, clock):
        super().__init__()
        self.clock = clock

    def on_epoch_end(self, epoch, logs=None):
        self.clock.epoch_end()


def _callbacks(spec, clock):
    return [PerBatch(clock) if spec["plan"]["callbacks"] else PerEpoch(clock)]


def _compiled(model, spec):
    model.compile(optimizer=make_optimizer(spec["optimizer"]), loss=loss_name(spec["data"]["task"]))
    return model


def run_fit(model, spec, arrays, clock, options):
    plan = spec["plan"]
    _compiled(model, spec)
    extra = {"validation_split": plan["validationSplit"]} if plan["validationSplit"] > 0 else {}
    clock.start()
    model.fit(arrays["x"], arrays["y"], batch_size=plan["batchSize"], epochs=plan["epochs"], shuffle=plan["shuffle"], verbose=0, callbacks=_callbacks(spec, clock), **extra)
    clock.finish()
    if not plan["callbacks"]:
        # Without a per-batch callback Keras still pythonifies each batch's logs (on a background thread).
        clock.loss_reads = clock.steps * plan["epochs"]
    return "numpy arrays"


def run_fit_dataset(model, spec, arrays, clock, options):
    plan = spec["plan"]
    _compiled(model, spec)
    source = feeds.BatchSource(spec, arrays["x"], arrays["y"])
    data, extra, fed = feeds.fit_input(source, options["workers"])
    clock.start()
    # shuffle=False: fit's default (True) does not apply to generators and only makes Keras warn.
    model.fit(data, epochs=plan["epochs"], shuffle=False, verbose=0, callbacks=_callbacks(spec, clock), **extra)
    clock.finish()
    if not plan["callbacks"]:
        clock.loss_reads = clock.steps * plan["epochs"]
    return fed


def _timed_batches(iterator, clock):
    """Yields the feed's batches, adding the wait for each to the clock's data time."""
    while True:
        t0 = time.perf_counter()
        try:
            batch = next(iterator)
        except StopIteration:
            return
        clock.data_ms.append((time.perf_counter() - t0) * 1000)
        yield batch


def run_train_on_batch(model, spec, arrays, clock, options):
    _compiled(model, spec)
    source = feeds.BatchSource(spec, arrays["x"], arrays["y"])
    clock.start()
    for _ in range(spec["plan"]["epochs"]):
        for batch, (xb, yb) in enumerate(_timed_batches(feeds.loop_epoch(spec, source), clock)):
            model.train_on_batch(xb, yb)  # returns the loss as a Python float: a readback every batch
            clock.batch_end(batch)
            clock.loss_reads += 1
    clock.finish()
    return _loop_feed(spec, source)


def run_loop(model, spec, arrays, clock, options):
    optimizer = make_optimizer(spec["optimizer"])
    loss_fn = loss_object(spec["data"]["task"])
    features, outputs = spec["data"]["features"], spec["data"]["outputs"]
    weights = model.trainable_weights

    # Compiled once for any batch size (the last batch may be partial), as Keras compiles its own train step.
    @tf.function(input_signature=[tf.TensorSpec((None, features), tf.float32), tf.TensorSpec((None, outputs), tf.float32)])
    def step(xb, yb):
        with tf.GradientTape() as tape:
            loss = loss_fn(yb, model(xb, training=True))
        optimizer.apply_gradients(zip(tape.gradient(loss, weights), weights))
        return loss

    source = feeds.BatchSource(spec, arrays["x"], arrays["y"])
    clock.start()
    for _ in range(spec["plan"]["epochs"]):
        for batch, (xb, yb) in enumerate(_timed_batches(feeds.loop_epoch(spec, source), clock)):
            loss = step(xb, yb)
            clock.batch_end(batch, (lambda: float(loss)) if clock.wants_read(batch) else None)
    clock.finish()
    return _loop_feed(spec, source)


def _loop_feed(spec, source):
    if spec["pipeline"]["feed"] != "pipeline":
        return "numpy slices"
    return "Python generator" if source.plain else "tf.data from_generator" + (".batch()" if source.gen_yields == "samples" else "") + (f".prefetch({source.prefetch})" if source.prefetch else "")


MODES = {"fit": run_fit, "fitDataset": run_fit_dataset, "trainOnBatch": run_train_on_batch, "loop": run_loop}

"""The engine's network (src/engine/architecture.ts) as a keras.Sequential, its optimizer and its loss."""
import keras
import numpy as np
from keras import layers

EVAL_CHUNK_ROWS = 4096  # as the engine's evaluate(): rows per forward pass


def _layer(spec):
    kind = spec["kind"]
    if kind == "reshape":
        return layers.Reshape(tuple(spec["to"]))
    if kind == "conv":
        # tfjs conv2d defaults: padding "valid", channels last, kernel [h, w, in, out] like Keras.
        return layers.Conv2D(spec["filters"], spec["kernel"], strides=spec["stride"], padding="valid", activation=spec["activation"])
    if kind == "pool":
        return layers.MaxPooling2D(spec["size"])  # strides default to the pool size in both
    if kind == "flatten":
        return layers.Flatten()
    if kind == "dense":
        return layers.Dense(spec["units"], activation=spec["activation"])
    raise ValueError(f"unknown layer kind {kind!r}")


def build_model(spec, weights):
    """Sequential model with the engine's initial weights ([kernel, bias] per weighted layer, same layouts)."""
    model = keras.Sequential([keras.Input(shape=(spec["data"]["features"],)), *(_layer(l) for l in spec["layers"])])
    expected = [tuple(w.shape) for w in model.get_weights()]
    given = [tuple(w.shape) for w in weights]
    if expected != given:
        raise ValueError(f"weight shapes differ: Keras model {expected}, exported {given}")
    model.set_weights(weights)
    return model


def make_optimizer(opt):
    """Keras' optimizer with tfjs' settings (read from tfjs by the driver), not Keras' defaults."""
    name, lr = opt["name"], opt["learningRate"]
    if name == "adam":
        return keras.optimizers.Adam(learning_rate=lr, beta_1=opt["beta1"], beta_2=opt["beta2"], epsilon=opt["epsilon"])
    if name == "sgd":
        return keras.optimizers.SGD(learning_rate=lr)
    if name == "rmsprop":
        return keras.optimizers.RMSprop(learning_rate=lr, rho=opt["decay"], momentum=opt["momentum"], epsilon=opt["epsilon"], centered=opt["centered"])
    if name == "adagrad":
        return keras.optimizers.Adagrad(learning_rate=lr, initial_accumulator_value=opt["initialAccumulatorValue"], epsilon=opt["epsilon"])
    raise ValueError(f"unknown optimizer {name!r}")


def loss_name(task):
    return "categorical_crossentropy" if task == "classification" else "mean_squared_error"


def loss_object(task):
    return keras.losses.CategoricalCrossentropy() if task == "classification" else keras.losses.MeanSquaredError()


def evaluate(model, x, y, task):
    """Mean per-sample loss (and accuracy for classes) over the rows, as the engine's evaluateWeights()."""
    rows = x.shape[0]
    if rows == 0:
        return float("nan"), float("nan")
    per_sample = keras.losses.categorical_crossentropy if task == "classification" else keras.losses.mean_squared_error
    loss_sum, hits = 0.0, 0
    for start in range(0, rows, EVAL_CHUNK_ROWS):
        xb, yb = x[start:start + EVAL_CHUNK_ROWS], y[start:start + EVAL_CHUNK_ROWS]
        prediction = model(xb, training=False)
        loss_sum += float(np.sum(keras.ops.convert_to_numpy(per_sample(yb, prediction)), dtype=np.float64))
        if task == "classification":
            hits += int(np.sum(np.argmax(keras.ops.convert_to_numpy(prediction), axis=1) == np.argmax(yb, axis=1)))
    return loss_sum / rows, (hits / rows if task == "classification" else float("nan"))

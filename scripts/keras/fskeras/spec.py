"""Reads the run the Node driver exported: a JSON spec plus raw little-endian float32 files."""
import json
import os

import numpy as np


class SpecError(Exception):
    """The exported run is unreadable or inconsistent: the message says what is wrong."""


def _load_f32(folder, name, shape):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        raise SpecError(f"{path}: missing")
    data = np.fromfile(path, dtype="<f4")
    expected = int(np.prod(shape)) if shape else 1
    if data.size != expected:
        raise SpecError(f"{path}: {data.size} floats, expected {expected} for shape {shape}")
    return data.reshape(shape)


def load_run(folder):
    """The spec dict, the arrays (x, y, test_x, test_y) and the initial weights, in getWeights() order."""
    spec_path = os.path.join(folder, "spec.json")
    try:
        with open(spec_path, encoding="utf-8") as f:
            spec = json.load(f)
    except (OSError, ValueError) as e:
        raise SpecError(f"{spec_path}: {e}") from e
    if spec.get("version") != 1:
        raise SpecError(f"{spec_path}: spec version {spec.get('version')!r}, this runner reads version 1")
    data = spec["data"]
    f, o = data["features"], data["outputs"]
    arrays = {
        "x": _load_f32(folder, "x.bin", [data["samples"], f]),
        "y": _load_f32(folder, "y.bin", [data["samples"], o]),
        "test_x": _load_f32(folder, "test_x.bin", [data["testSamples"], f]),
        "test_y": _load_f32(folder, "test_y.bin", [data["testSamples"], o]),
    }
    weights = [_load_f32(folder, w["file"], w["shape"]) for w in spec["weights"]]
    return spec, arrays, weights

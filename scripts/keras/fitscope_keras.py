"""fitscope's Keras runner: trains one mode of a run the Node driver exported (src/cli/keras.ts) in real Keras
on TensorFlow's CPU kernels, and prints one result line: FITSCOPE_RESULT {json}.

    python fitscope_keras.py RUN_DIR MODE[,MODE...] [--threads N] [--workers N]
    python fitscope_keras.py --probe        # versions, or what is missing

One result line per mode. The driver runs each mode in its own process by default, so the process's peak
resident set size belongs to that mode alone; modes sharing a process also report their peak since their own
start, but memory earlier modes kept is in it.
Exit codes: 0 ran; 2 bad arguments or run folder; 5 TensorFlow or Keras missing.
"""
import argparse
import json
import os
import sys

MISSING_EXIT = 5
RESULT_PREFIX = "FITSCOPE_RESULT "
MODE_NAMES = ("fit", "fitDataset", "trainOnBatch", "loop")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # TF's C++ start-up chatter; warnings and errors still show


def _import_tensorflow():
    try:
        import numpy  # noqa: F401
        import tensorflow as tf
        import keras  # noqa: F401
    except ImportError as e:
        print(f"fitscope keras: {e.name or e} is not installed in {sys.executable}; run `npm run keras:setup`", file=sys.stderr)
        sys.exit(MISSING_EXIT)
    return tf


def _pin_threads(tf, threads):
    """threads = 0 leaves TensorFlow's default (all cores). Must run before TensorFlow runs any op."""
    if threads > 0:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)
    return {"intra": tf.config.threading.get_intra_op_parallelism_threads(), "inter": tf.config.threading.get_inter_op_parallelism_threads()}


def _versions(tf):
    import keras
    import numpy as np

    return {"keras": keras.__version__, "tensorflow": tf.__version__, "numpy": np.__version__, "python": sys.version.split()[0], "kerasBackend": keras.backend.backend()}


def run_mode(tf, folder, mode, workers):
    import keras

    from fskeras import rss
    from fskeras.model import build_model, evaluate
    from fskeras.modes import MODES, Clock
    from fskeras.spec import load_run

    pinned = {"intra": tf.config.threading.get_intra_op_parallelism_threads(), "inter": tf.config.threading.get_inter_op_parallelism_threads()}
    spec, arrays, weights = load_run(folder)
    keras.utils.set_random_seed(spec["seed"])  # fit's shuffle draws from it: reproducible, not the engine's order
    task, train_rows = spec["data"]["task"], spec["plan"]["trainSamples"]
    model = build_model(spec, weights)
    initial_loss, _ = evaluate(model, arrays["x"][:train_rows], arrays["y"][:train_rows], task)

    clock = Clock(spec["plan"])
    peak_reset = rss.reset_peak()
    rss_start = rss.rss_bytes()
    fed = MODES[mode](model, spec, arrays, clock, {"workers": workers})
    peak = rss.peak_rss_bytes()

    final_loss, _ = evaluate(model, arrays["x"][:train_rows], arrays["y"][:train_rows], task)
    test_loss, test_accuracy = evaluate(model, arrays["test_x"], arrays["test_y"], task)
    return {
        "mode": mode,
        "fed": fed,
        "workers": workers,
        "batchMs": clock.batch_ms,
        "dataMs": clock.data_ms,
        "samplesSeen": clock.samples_seen,
        "totalMs": clock.total_ms,
        "timing": clock.timing,
        "lossReads": clock.loss_reads,
        "initialLoss": initial_loss,
        "finalLoss": final_loss,
        "testLoss": test_loss,
        "testAccuracy": test_accuracy,
        "rssStartBytes": rss_start,
        "peakRssBytes": peak,
        "peakIsModeOnly": peak_reset,
        "threads": pinned,
        "versions": _versions(tf),
    }


def _json_safe(value):
    """NaN (no accuracy for regression) as null: JSON has no NaN."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


def main(argv):
    parser = argparse.ArgumentParser(description="Runs one fitscope mode in Keras.")
    parser.add_argument("folder", nargs="?", help="the run folder the Node driver wrote (spec.json + .bin files)")
    parser.add_argument("modes", nargs="?", help="comma-separated: fit, fitDataset, trainOnBatch, loop")
    parser.add_argument("--threads", type=int, default=1, help="TensorFlow intra- and inter-op threads; 0 = its default")
    parser.add_argument("--workers", type=int, default=2, help="PyDataset worker threads when the generator prefetches")
    parser.add_argument("--probe", action="store_true", help="print the versions and exit")
    args = parser.parse_args(argv)
    tf = _import_tensorflow()
    if args.probe:
        print(RESULT_PREFIX + json.dumps(_versions(tf)))
        return 0
    if not args.folder or not args.modes:
        parser.error("needs RUN_DIR and MODE (or --probe)")
    modes = args.modes.split(",")
    unknown = [m for m in modes if m not in MODE_NAMES]
    if unknown:
        parser.error(f"unknown mode(s) {', '.join(unknown)}; known: {', '.join(MODE_NAMES)}")
    if args.threads < 0 or args.workers < 1:
        parser.error("--threads must be >= 0 and --workers >= 1")
    from fskeras.spec import SpecError

    _pin_threads(tf, args.threads)
    for mode in modes:
        try:
            result = run_mode(tf, args.folder, mode, args.workers)
        except SpecError as e:
            print(f"fitscope keras: {e}", file=sys.stderr)
            return 2
        sys.stdout.write(RESULT_PREFIX + json.dumps(_json_safe(result), allow_nan=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

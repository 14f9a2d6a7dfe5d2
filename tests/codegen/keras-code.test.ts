// The code view's Keras code states the same setup as the TF.js code: model, optimizer, batch size, epochs and
// the mode's way of training (the text is read, and Python parses it when a python3 is installed). Where the
// Keras venv can be had (npm run keras:setup), the code also runs, for small setups of every mode, and its
// per-epoch loss falls. Also: the code view's layer list is the engine's architecture.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeArchitecture } from '../../src/engine/architecture';
import { codeSetup } from '../../src/codegen/code-model';
import { kerasCode } from '../../src/codegen/keras-code';
import { tfjsCode } from '../../src/codegen/tfjs-code';
import { DEFAULT_CONFIG, MODE_NAMES, cloneConfig, type ModeName, type RunConfig } from '../../src/shared/config';
import { kerasVenv } from '../keras/keras-env';

const base = (overrides: Partial<RunConfig> = {}): RunConfig => ({ ...cloneConfig(DEFAULT_CONFIG as RunConfig), ...overrides });

const CONFIGS: RunConfig[] = [
  base(),
  base({
    dataset: 'spirals',
    hidden: [32, 16],
    optimizer: 'sgd',
    learningRate: 0.1,
    batchSize: 64,
    epochs: 7,
    feed: 'pipeline',
    genYields: 'samples',
    prefetch: 3,
    latencyMs: 5,
    augment: 2,
  }),
  base({
    dataset: 'mnist',
    model: 'cnn',
    samples: 2000,
    hidden: [64],
    optimizer: 'rmsprop',
    learningRate: 0.001,
    batchSize: 128,
    epochs: 3,
    source: 'compute',
    shuffle: true,
    validationSplit: 0.1,
  }),
  base({ dataset: 'iris', hidden: [], optimizer: 'adagrad', learningRate: 0.5, batchSize: 8, epochs: 50 }),
];

const MODE_CALL: Record<ModeName, RegExp> = {
  fit: /^history = model\.fit\(x, y, batch_size=BATCH, epochs=EPOCHS/m,
  fitDataset: /^history = model\.fit\((endless\(\), steps_per_epoch=|dataset, )[^\n]*epochs=EPOCHS/m,
  trainOnBatch: /^ {8}loss = model\.train_on_batch\(xb, yb\)/m,
  loop: /tape\.gradient\(loss, model\.trainable_weights\)[\s\S]*optimizer\.apply_gradients/,
};

const python = spawnSync('python3', ['-c', 'import ast'], { encoding: 'utf8' }).status === 0;

describe('generated Keras code', () => {
  for (const config of CONFIGS) {
    for (const mode of MODE_NAMES) {
      it(`states the setup for ${mode} on ${config.dataset}/${config.model}`, () => {
        const code = kerasCode(config, mode);
        const setup = codeSetup(config);
        expect(code).toContain(`BATCH, EPOCHS, SEED = ${config.batchSize}, ${config.epochs}, ${config.seed}`);
        const optimizer = { adam: 'Adam', sgd: 'SGD', rmsprop: 'RMSprop', adagrad: 'Adagrad' }[config.optimizer];
        expect(code).toContain(`keras.optimizers.${optimizer}(learning_rate=${config.learningRate})`);
        // The model: one Keras layer per layer of the setup, in order, the same as the TF.js code's.
        const kerasLayers = [...code.matchAll(/^ {4}layers\.(\w+)\(([^)]*)/gm)].map((m) => `${m[1]}:${/^\d+/.exec(m[2])?.[0] ?? ''}`);
        const tfjsLayers = [...tfjsCode(config, mode).matchAll(/^model\.add\(tf\.layers\.(\w+)\((?:\{ (?:units|filters): (\d+))?/gm)].map(
          (m) => `${m[1]}:${m[2] ?? ''}`,
        );
        const name: Record<string, string> = {
          dense: 'Dense',
          conv2d: 'Conv2D',
          maxPooling2d: 'MaxPooling2D',
          flatten: 'Flatten',
          reshape: 'Reshape',
        };
        expect(kerasLayers.map((l) => l.split(':')[0])).toEqual(tfjsLayers.map((l) => name[l.split(':')[0]]));
        const units = (list: string[]) => list.filter((l) => /^(Dense|dense)/.test(l)).map((l) => l.split(':')[1]);
        expect(units(kerasLayers)).toEqual([...config.hidden.map(String), String(setup.outputs)]);
        expect(units(tfjsLayers)).toEqual(units(kerasLayers));
        expect(code).toMatch(
          setup.task === 'classification' ? /categorical_crossentropy|CategoricalCrossentropy/ : /mean_squared_error|MeanSquaredError/,
        );
        expect(code).toMatch(MODE_CALL[mode]);
        for (const other of MODE_NAMES.filter((m) => m !== mode)) expect(code).not.toMatch(MODE_CALL[other]);
        if (mode === 'fit' && config.validationSplit > 0) expect(code).toContain(`validation_split=${config.validationSplit}`);
        if (mode === 'fit') expect(code).toContain(`shuffle=${config.shuffle ? 'True' : 'False'}`);
        const pipeline = mode === 'fitDataset' || (mode !== 'fit' && config.feed === 'pipeline');
        if (pipeline && config.prefetch > 0) expect(code).toContain(`.prefetch(${config.prefetch})`);
        if (pipeline && config.latencyMs > 0) expect(code).toContain(`time.sleep(${config.latencyMs / 1000})`);
        if (python) {
          const parsed = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code, encoding: 'utf8' });
          expect(parsed.status, parsed.stderr).toBe(0);
        }
      });
    }
  }

  it("the code view's layers are the engine's architecture", () => {
    for (const config of CONFIGS) {
      const setup = codeSetup(config);
      const info = {
        samples: setup.samples,
        features: setup.features,
        outputs: setup.outputs,
        task: setup.task,
        image: config.dataset === 'mnist' ? ([28, 28, 1] as const) : undefined,
      };
      const engine = describeArchitecture(config, info).layers.map(({ spec }) =>
        spec.kind === 'dense'
          ? `dense:${spec.units}:${spec.activation}`
          : spec.kind === 'conv'
            ? `conv:${spec.filters}:${spec.kernel}:${spec.stride}`
            : spec.kind === 'pool'
              ? `pool:${spec.size}`
              : spec.kind,
      );
      const mine = setup.layers.map((l) =>
        l.kind === 'dense'
          ? `dense:${l.units}:${l.activation}`
          : l.kind === 'conv'
            ? `conv:${l.filters}:${l.kernel}:${l.stride}`
            : l.kind === 'pool'
              ? `pool:${l.size}`
              : l.kind,
      );
      expect(mine).toEqual(engine);
    }
  });
});

// Runs each generated program in one Python process (TensorFlow is imported once, not once per program), each
// in a fresh namespace with its output captured, and reports every program's output or its error.
const HARNESS = `
import contextlib, io, json, sys, traceback
for job in json.load(sys.stdin):
    out, error = io.StringIO(), None
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(job["code"], job["name"], "exec"), {"__name__": "__main__"})
    except Exception:
        error = traceback.format_exc()
    print("FITSCOPE_RESULT " + json.dumps({"name": job["name"], "stdout": out.getvalue(), "error": error}), flush=True)
`;

// Small setups whose loss can fall in a few epochs, covering every way the code feeds a mode: arrays, the plain
// generator, and tf.data with .batch() and .prefetch(); fit's shuffle and validation_split. MNIST is left out:
// its code loads the digits with keras.datasets.mnist.load_data(), which downloads them.
const RUNNABLE: RunConfig[] = [
  base({ samples: 512, epochs: 3 }),
  base({
    dataset: 'spirals',
    samples: 512,
    hidden: [32, 16],
    batchSize: 64,
    epochs: 4,
    feed: 'pipeline',
    genYields: 'samples',
    prefetch: 3,
    latencyMs: 1,
    augment: 1,
  }),
  base({
    dataset: 'xor',
    samples: 512,
    hidden: [16],
    optimizer: 'rmsprop',
    batchSize: 32,
    epochs: 4,
    feed: 'pipeline',
    shuffle: true,
    validationSplit: 0.1,
  }),
];

const venv = await kerasVenv();

describe.skipIf(!venv.ok)('generated Keras code runs in Keras', () => {
  it('every mode, and its per-epoch loss falls', { timeout: 900_000 }, () => {
    if (!venv.ok) return;
    const jobs = RUNNABLE.flatMap((config) =>
      MODE_NAMES.map((mode) => ({ name: `${config.dataset}-${mode}`, code: kerasCode(config, mode), epochs: config.epochs })),
    );
    const run = spawnSync(venv.python, ['-c', HARNESS], {
      input: JSON.stringify(jobs),
      encoding: 'utf8',
      timeout: 900_000,
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
    });
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    const results = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('FITSCOPE_RESULT '))
      .map((l) => JSON.parse(l.slice(16)) as { name: string; stdout: string; error: string | null });
    expect(results.map((r) => r.name)).toEqual(jobs.map((j) => j.name));
    for (const [i, result] of results.entries()) {
      expect(result.error, result.name).toBeNull();
      const losses = [...result.stdout.matchAll(/^epoch (\d+) loss (\d+\.\d+)$/gm)].map((m) => Number(m[2]));
      expect(losses, `${result.name} prints one loss per epoch`).toHaveLength(jobs[i].epochs);
      expect(losses.at(-1)!, `${result.name}: ${losses.join(' → ')}`).toBeLessThan(losses[0]);
    }
  });
});

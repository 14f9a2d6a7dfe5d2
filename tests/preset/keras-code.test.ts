// The code view's Keras code states the same setup as the TF.js code: model, optimizer, batch size, epochs and
// the mode's way of training. (No Keras here to run it: the check reads the text, and Python parses it when a
// python3 is installed.) Also: the code view's layer list is the engine's architecture.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeArchitecture } from '../../src/engine/architecture';
import { codeSetup } from '../../src/preset/code/code-model';
import { kerasCode } from '../../src/preset/code/keras-code';
import { tfjsCode } from '../../src/preset/code/tfjs-code';
import { DEFAULT_CONFIG, MODE_NAMES, cloneConfig, type ModeName, type RunConfig } from '../../src/shared/config';

const base = (overrides: Partial<RunConfig> = {}): RunConfig => ({ ...cloneConfig(DEFAULT_CONFIG as RunConfig), ...overrides });

const CONFIGS: RunConfig[] = [
  base(),
  base({ dataset: 'spirals', hidden: [32, 16], optimizer: 'sgd', learningRate: 0.1, batchSize: 64, epochs: 7, feed: 'pipeline', genYields: 'samples', prefetch: 3, latencyMs: 5, augment: 2 }),
  base({ dataset: 'mnist', model: 'cnn', samples: 2000, hidden: [64], optimizer: 'rmsprop', learningRate: 0.001, batchSize: 128, epochs: 3, source: 'compute', shuffle: true, validationSplit: 0.1 }),
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
        const tfjsLayers = [...tfjsCode(config, mode).matchAll(/^model\.add\(tf\.layers\.(\w+)\((?:\{ (?:units|filters): (\d+))?/gm)].map((m) => `${m[1]}:${m[2] ?? ''}`);
        const name: Record<string, string> = { dense: 'Dense', conv2d: 'Conv2D', maxPooling2d: 'MaxPooling2D', flatten: 'Flatten', reshape: 'Reshape' };
        expect(kerasLayers.map((l) => l.split(':')[0])).toEqual(tfjsLayers.map((l) => name[l.split(':')[0]]));
        const units = (list: string[]) => list.filter((l) => /^(Dense|dense)/.test(l)).map((l) => l.split(':')[1]);
        expect(units(kerasLayers)).toEqual([...config.hidden.map(String), String(setup.outputs)]);
        expect(units(tfjsLayers)).toEqual(units(kerasLayers));
        expect(code).toMatch(setup.task === 'classification' ? /categorical_crossentropy|CategoricalCrossentropy/ : /mean_squared_error|MeanSquaredError/);
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
      const info = { samples: setup.samples, features: setup.features, outputs: setup.outputs, task: setup.task, image: config.dataset === 'mnist' ? ([28, 28, 1] as const) : undefined };
      const engine = describeArchitecture(config, info).layers.map(({ spec }) =>
        spec.kind === 'dense' ? `dense:${spec.units}:${spec.activation}` : spec.kind === 'conv' ? `conv:${spec.filters}:${spec.kernel}:${spec.stride}` : spec.kind === 'pool' ? `pool:${spec.size}` : spec.kind,
      );
      const mine = setup.layers.map((l) =>
        l.kind === 'dense' ? `dense:${l.units}:${l.activation}` : l.kind === 'conv' ? `conv:${l.filters}:${l.kernel}:${l.stride}` : l.kind === 'pool' ? `pool:${l.size}` : l.kind,
      );
      expect(mine).toEqual(engine);
    }
  });
});

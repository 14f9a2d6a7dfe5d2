// Runs everywhere (pure). The Keras (Python, Keras 3) code a setup stands for, per mode: the same model,
// optimizer, batch size and epochs as the TF.js code, in the shape the seed article gives each method
// (fit on arrays, fit on a generator for fit_generator, a train_on_batch loop, a GradientTape loop).
import type { ModeName, RunConfig } from '../shared/config';
import { encodeQuery } from '../links/url-codec';
import { codeSetup, type CodeLayer, type CodeSetup } from './code-model';

const OPTIMIZER_CLASS: Record<RunConfig['optimizer'], string> = { adam: 'Adam', sgd: 'SGD', rmsprop: 'RMSprop', adagrad: 'Adagrad' };

const pyBool = (b: boolean) => (b ? 'True' : 'False');
const int = (n: number) => (Number.isInteger(n) && Math.abs(n) >= 10_000 ? n.toLocaleString('en-US').replace(/,/g, '_') : String(n));

function layerLine(layer: CodeLayer): string {
  switch (layer.kind) {
    case 'reshape':
      return `layers.Reshape((${layer.to.join(', ')})),`;
    case 'conv':
      return `layers.Conv2D(${layer.filters}, ${layer.kernel}, strides=${layer.stride}, activation="relu"),`;
    case 'pool':
      return `layers.MaxPooling2D(${layer.size}),`;
    case 'flatten':
      return 'layers.Flatten(),';
    case 'dense':
      return `layers.Dense(${layer.units}${layer.activation === 'linear' ? '' : `, activation="${layer.activation}"`}),`;
  }
}

function header(setup: CodeSetup, mode: ModeName, needsTf: boolean): string[] {
  const { config } = setup;
  const lines = [
    `# fitscope setup ?${encodeQuery(config)}`,
    `# Mode: ${mode} (${KERAS_NAME[mode]}). Data: ${setup.title}. Keras 3; fitscope ran it in TensorFlow.js on backend=${config.backend}.`,
    'import numpy as np',
    'import keras',
    'from keras import layers',
  ];
  if (needsTf) lines.push('import tensorflow as tf');
  const pipeline = mode === 'fitDataset' || ((mode === 'trainOnBatch' || mode === 'loop') && config.feed === 'pipeline');
  if (pipeline && config.latencyMs > 0) lines.push('import time');
  lines.push(
    '',
    `N, FEATURES, OUTPUTS = ${int(setup.samples)}, ${setup.features}, ${setup.outputs}`,
    `BATCH, EPOCHS, SEED = ${config.batchSize}, ${config.epochs}, ${config.seed}`,
    'keras.utils.set_random_seed(SEED)',
    'rng = np.random.default_rng(SEED)',
  );
  return lines;
}

const KERAS_NAME: Record<ModeName, string> = {
  fit: 'model.fit on arrays',
  fitDataset: 'model.fit on a generator, formerly fit_generator',
  trainOnBatch: 'a train_on_batch loop',
  loop: 'a hand-written GradientTape loop',
};

function dataLines(setup: CodeSetup): string[] {
  const lines = [''];
  if (setup.data === 'teacher') {
    lines.push(
      '# Teacher data: x ~ N(0, 1), y from a fixed random tanh network (16 units) that a student MLP can learn.',
      'W1 = rng.normal(size=(FEATURES, 16)) / np.sqrt(FEATURES)',
      'b1 = 0.1 * rng.normal(size=16)',
      'w2 = rng.normal(size=(16, OUTPUTS)) / np.sqrt(0.39 * 16)',
      '',
      'def make_rows(count):',
      '    x = rng.normal(size=(count, FEATURES)).astype("float32")',
      '    return x, (np.tanh(x @ W1 + b1) @ w2).astype("float32")',
    );
  } else if (setup.data === 'plane') {
    const set = setup.config.dataset;
    const body =
      set === 'spirals'
        ? [
            '    t = np.sqrt(rng.random(count))',
            '    angle = 3 * np.pi * t + cls * np.pi',
            '    a, b = t * np.cos(angle), t * np.sin(angle)',
          ]
        : set === 'circles'
          ? [
              '    angle = 2 * np.pi * rng.random(count)',
              '    r = np.where(cls == 0, 0.5 * np.sqrt(rng.random(count)), 0.8 + 0.2 * rng.random(count))',
              '    a, b = r * np.cos(angle), r * np.sin(angle)',
            ]
          : ['    a, b = rng.uniform(-1, 1, count), rng.uniform(-1, 1, count)', '    cls = (a * b <= 0).astype(int)'];
    lines.push(
      `# ${setup.title}: two classes in the plane, labels one-hot.`,
      'def make_rows(count):',
      '    cls = np.arange(count) % 2',
      ...body,
      `    x = np.stack([a, b], axis=1) + ${set === 'xor' ? '0.05' : '0.08'} * rng.normal(size=(count, 2))`,
      '    return x.astype("float32"), keras.utils.to_categorical(cls, 2)',
    );
  } else if (setup.config.dataset === 'mnist') {
    lines.push(
      '# MNIST from Keras (the same digits fitscope serves), flattened to 784 features in [0, 1].',
      '(x_all, y_all), _ = keras.datasets.mnist.load_data()',
      'x_all = x_all[:N].reshape(N, FEATURES).astype("float32") / 255',
      'y_all = keras.utils.to_categorical(y_all[:N], OUTPUTS)',
      '',
      'def make_rows(count, start=0):',
      '    return x_all[start:start + count], y_all[start:start + count]',
    );
  } else {
    lines.push(
      `# Stand-in data of the right shape. The real data: ${setup.standInNote}.`,
      'def make_rows(count):',
      '    x = rng.normal(size=(count, FEATURES)).astype("float32")',
      setup.task === 'classification'
        ? '    return x, keras.utils.to_categorical(rng.integers(0, OUTPUTS, count), OUTPUTS)'
        : '    return x, x[:, :1].copy()',
    );
  }
  return lines;
}

function modelLines(setup: CodeSetup, compile: boolean): string[] {
  const { config } = setup;
  const lines = [
    '',
    'model = keras.Sequential([',
    '    keras.Input(shape=(FEATURES,)),',
    ...setup.layers.map((l) => `    ${layerLine(l)}`),
    '])',
  ];
  const optimizer = `keras.optimizers.${OPTIMIZER_CLASS[config.optimizer]}(learning_rate=${config.learningRate})`;
  const loss = setup.task === 'classification' ? 'categorical_crossentropy' : 'mean_squared_error';
  if (compile) lines.push(`model.compile(optimizer=${optimizer}, loss="${loss}")`);
  else
    lines.push(
      `optimizer = ${optimizer}`,
      `loss_fn = keras.losses.${setup.task === 'classification' ? 'CategoricalCrossentropy' : 'MeanSquaredError'}()`,
    );
  return lines;
}

/** Rows for batch `start`: from the arrays, or made on demand where the setup computes them. */
function rowsFor(setup: CodeSetup, start: string, size: string): string {
  if (setup.config.source === 'memory' || setup.config.dataset === 'mnist')
    return `x[${start}:${start} + ${size}], y[${start}:${start} + ${size}]`;
  return `make_rows(${size})`;
}

function generatorLines(setup: CodeSetup): string[] {
  const { config } = setup;
  const lines = ['', '# The generator (fit_generator in Keras 2): each batch is made when it is needed.'];
  if (config.source === 'memory' || config.dataset === 'mnist') lines.push('x, y = make_rows(N)');
  lines.push('def batches():', '    for start in range(0, N, BATCH):', '        size = min(BATCH, N - start)');
  if (config.latencyMs > 0) lines.push(`        time.sleep(${config.latencyMs / 1000})  # simulated I/O wait (a slow disk or network)`);
  lines.push(`        xb, yb = ${rowsFor(setup, 'start', 'size')}`);
  if (config.augment > 0)
    lines.push(
      `        for _ in range(${config.augment}):`,
      '            xb = xb + 0.05 * rng.normal(size=xb.shape).astype("float32")  # augmentation: noise',
    );
  if (config.genYields === 'samples') lines.push('        yield from zip(xb, yb)  # one sample at a time; tf.data groups them');
  else lines.push('        yield xb, yb');
  return lines;
}

/** The generator as Keras takes it: a Python generator, or tf.data where samples are grouped or prefetched. */
function datasetLines(setup: CodeSetup): string[] {
  const { config } = setup;
  if (config.genYields === 'batches' && config.prefetch === 0) {
    return [
      '',
      '# Keras 3 has no fit_generator: fit takes the generator (an endless one, with steps_per_epoch).',
      'def endless():',
      '    while True:',
      '        yield from batches()',
    ];
  }
  const shape = config.genYields === 'samples' ? '(FEATURES,)' : '(None, FEATURES)';
  const out = config.genYields === 'samples' ? '(OUTPUTS,)' : '(None, OUTPUTS)';
  let chain = `tf.data.Dataset.from_generator(batches, output_signature=(tf.TensorSpec(${shape}, tf.float32), tf.TensorSpec(${out}, tf.float32)))`;
  if (config.genYields === 'samples') chain += '.batch(BATCH)';
  if (config.prefetch > 0) chain += `.prefetch(${config.prefetch})`;
  return ['', `dataset = ${chain}`];
}

function needsTf(config: RunConfig, mode: ModeName): boolean {
  if (mode === 'loop') return true;
  const pipeline = mode === 'fitDataset' || config.feed === 'pipeline';
  return pipeline && (config.genYields === 'samples' || config.prefetch > 0);
}

/** Each epoch's mean loss, one line per epoch: the same lines the loops print. */
function historyLines(): string[] {
  return ['for epoch, loss in enumerate(history.history["loss"], 1):', '    print(f"epoch {epoch} loss {loss:.4f}")'];
}

function fitLines(setup: CodeSetup): string[] {
  const { config } = setup;
  const args = ['x', 'y', 'batch_size=BATCH', 'epochs=EPOCHS', `shuffle=${pyBool(config.shuffle)}`];
  if (config.validationSplit > 0) args.push(`validation_split=${config.validationSplit}`);
  return [
    '',
    'x, y = make_rows(N)  # the whole data set in memory, as fit wants it',
    ...modelLines(setup, true),
    '',
    `history = model.fit(${args.join(', ')})`,
    ...historyLines(),
  ];
}

function fitDatasetLines(setup: CodeSetup): string[] {
  const simple = setup.config.genYields === 'batches' && setup.config.prefetch === 0;
  return [
    ...generatorLines(setup),
    ...datasetLines(setup),
    ...modelLines(setup, true),
    '',
    simple
      ? 'history = model.fit(endless(), steps_per_epoch=-(-N // BATCH), epochs=EPOCHS)  # batch size: BATCH, set by the generator'
      : 'history = model.fit(dataset, epochs=EPOCHS)  # batch size: BATCH, set by the generator',
    ...historyLines(),
  ];
}

/** The head of a batch loop giving xb, yb: from arrays, or from the same generator as fitDataset. */
function batchLoop(setup: CodeSetup): string[] {
  if (setup.config.feed === 'pipeline') {
    const simple = setup.config.genYields === 'batches' && setup.config.prefetch === 0;
    return [`    for xb, yb in ${simple ? 'batches()' : 'dataset'}:`];
  }
  return ['    for start in range(0, N, BATCH):', '        xb, yb = x[start:start + BATCH], y[start:start + BATCH]'];
}

function trainOnBatchLines(setup: CodeSetup): string[] {
  const pipeline = setup.config.feed === 'pipeline';
  return [
    ...(pipeline
      ? [...generatorLines(setup), ...(setup.config.genYields === 'batches' && setup.config.prefetch === 0 ? [] : datasetLines(setup))]
      : ['', 'x, y = make_rows(N)']),
    ...modelLines(setup, true),
    '',
    'epoch_loss = keras.metrics.Mean()',
    'for epoch in range(EPOCHS):',
    '    epoch_loss.reset_state()',
    ...batchLoop(setup),
    '        loss = model.train_on_batch(xb, yb)  # batch_size: BATCH',
    '        epoch_loss.update_state(loss)',
    '    print(f"epoch {epoch + 1} loss {float(epoch_loss.result()):.4f}")',
  ];
}

function loopLines(setup: CodeSetup): string[] {
  const pipeline = setup.config.feed === 'pipeline';
  const lines = [
    ...(pipeline
      ? [...generatorLines(setup), ...(setup.config.genYields === 'batches' && setup.config.prefetch === 0 ? [] : datasetLines(setup))]
      : ['', 'x, y = make_rows(N)']),
    ...modelLines(setup, false),
    '',
    'epoch_loss = keras.metrics.Mean()  # stays on the device until read',
    'for epoch in range(EPOCHS):  # batch size: BATCH',
    '    epoch_loss.reset_state()',
    ...batchLoop(setup),
    '        with tf.GradientTape() as tape:',
    '            loss = loss_fn(yb, model(xb, training=True))',
    '        grads = tape.gradient(loss, model.trainable_weights)',
    '        optimizer.apply_gradients(zip(grads, model.trainable_weights))',
    '        epoch_loss.update_state(loss)',
    '    print(f"epoch {epoch + 1} loss {float(epoch_loss.result()):.4f}")  # reading the loss is a device-to-host copy',
  ];
  if (setup.config.leak)
    lines.push('# (leak=1 is a TF.js lesson: Python frees tensors when they go out of scope, so this loop cannot leak them.)');
  return lines;
}

const MODE_BODY: Record<ModeName, (setup: CodeSetup) => string[]> = {
  fit: fitLines,
  fitDataset: fitDatasetLines,
  trainOnBatch: trainOnBatchLines,
  loop: loopLines,
};

export function kerasCode(config: RunConfig, mode: ModeName): string {
  const setup = codeSetup(config);
  return `${[...header(setup, mode, needsTf(config, mode)), ...dataLines(setup), ...MODE_BODY[mode](setup)].join('\n')}\n`;
}

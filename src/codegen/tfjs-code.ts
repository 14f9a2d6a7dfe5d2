// Runs everywhere (pure). The TensorFlow.js code a setup stands for, per mode: a standalone ES module that makes
// the data, builds the model and trains it the way fitscope's mode does. Generated text only; the app shows it
// and never evaluates it (tests/preset/tfjs-code.test.ts runs it in Node).
import type { ModeName, RunConfig } from '../shared/config';
import { encodeQuery } from '../links/url-codec';
import { codeSetup, type CodeLayer, type CodeSetup } from './code-model';
import { tunedKernelSource } from './tuned-kernels-source';

// The package the generated code imports. Kept out of import-shaped string literals: tests/layering.test.ts
// reads this file's imports by pattern, and src/codegen must not import tfjs itself.
const TFJS = '@tensorflow/tfjs';

const OPTIMIZER_FN: Record<RunConfig['optimizer'], string> = { adam: 'adam', sgd: 'sgd', rmsprop: 'rmsprop', adagrad: 'adagrad' };

const num = (n: number) => String(n);
const int = (n: number) => (Number.isInteger(n) && Math.abs(n) >= 10_000 ? n.toLocaleString('en-US').replace(/,/g, '_') : String(n));

function layerLine(layer: CodeLayer, first: string): string {
  switch (layer.kind) {
    case 'reshape':
      return `tf.layers.reshape({ targetShape: [${layer.to.join(', ')}]${first} })`;
    case 'conv':
      return `tf.layers.conv2d({ filters: ${layer.filters}, kernelSize: ${layer.kernel}, strides: ${layer.stride}, activation: 'relu'${first} })`;
    case 'pool':
      return `tf.layers.maxPooling2d({ poolSize: ${layer.size}${first} })`;
    case 'flatten':
      return `tf.layers.flatten(${first ? `{ ${first.slice(2)} }` : ''})`;
    case 'dense':
      return `tf.layers.dense({ units: ${layer.units}${layer.activation === 'linear' ? '' : `, activation: '${layer.activation}'`}${first} })`;
  }
}

function header(setup: CodeSetup, mode: ModeName): string[] {
  const { config } = setup;
  const lines = [
    `// fitscope setup ?${encodeQuery(config)}`,
    `// Mode: ${mode}. Data: ${setup.title}. Run it as an ES module (node file.mjs, or a <script type="module">).`,
    `import * as tf from '${TFJS}';`,
  ];
  const tuned = config.kernels === 'tuned';
  if (config.backend === 'wasm' || tuned) lines.push(`import '${TFJS}-backend-wasm';`);
  if (config.backend === 'webgpu') lines.push(`import '${TFJS}-backend-webgpu';`);
  lines.push('');
  if (tuned) {
    lines.push("// kernels=tuned: fitscope's wasm kernels, registered before the backend starts (they only act on wasm).");
    lines.push(...tunedKernelSource({ standalone: false }).trimEnd().split('\n'), '');
  }
  if (config.backend !== 'auto') lines.push(`await tf.setBackend('${config.backend}');`);
  lines.push('await tf.ready();', "console.log('backend', tf.getBackend());", '');
  lines.push(
    `const N = ${int(setup.samples)}, FEATURES = ${setup.features}, OUTPUTS = ${setup.outputs};`,
    `const BATCH = ${config.batchSize}, EPOCHS = ${config.epochs}, SEED = ${config.seed};`,
  );
  return lines;
}

function dataLines(setup: CodeSetup): string[] {
  const lines = [
    '',
    '// Seeded randomness (mulberry32 + Box–Muller), so every run makes the same data.',
    'function mulberry32(a) {',
    '  return () => {',
    '    a = (a + 0x6d2b79f5) >>> 0;',
    '    let t = Math.imul(a ^ (a >>> 15), a | 1);',
    '    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);',
    '    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;',
    '  };',
    '}',
    'const random = mulberry32(SEED);',
    'const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());',
    '',
  ];
  if (setup.data === 'teacher') {
    lines.push(
      '// Teacher data: x ~ N(0, 1), y from a fixed random tanh network (16 units) that a student MLP can learn.',
      'const UNITS = 16;',
      'const w1 = Array.from({ length: FEATURES * UNITS }, () => gaussian() / Math.sqrt(FEATURES));',
      'const b1 = Array.from({ length: UNITS }, () => 0.1 * gaussian());',
      'const w2 = Array.from({ length: UNITS }, () => gaussian() / Math.sqrt(0.39 * UNITS));',
      '/** `count` new samples: inputs row by row in x, targets in y. */',
      'function makeRows(count) {',
      '  const x = new Float32Array(count * FEATURES), y = new Float32Array(count * OUTPUTS);',
      '  for (let i = 0; i < count; i++) {',
      '    for (let k = 0; k < FEATURES; k++) x[i * FEATURES + k] = gaussian();',
      '    for (let j = 0; j < UNITS; j++) {',
      '      let a = b1[j];',
      '      for (let k = 0; k < FEATURES; k++) a += x[i * FEATURES + k] * w1[k * UNITS + j];',
      '      y[i] += w2[j] * Math.tanh(a);',
      '    }',
      '  }',
      '  return { x, y };',
      '}',
    );
  } else if (setup.data === 'plane') {
    const set = setup.config.dataset;
    const shape =
      set === 'spirals'
        ? [
            '    const t = Math.sqrt(random()), angle = 3 * Math.PI * t + cls * Math.PI;',
            '    [a, b] = [t * Math.cos(angle), t * Math.sin(angle)];',
          ]
        : set === 'circles'
          ? [
              '    const angle = 2 * Math.PI * random(), r = cls === 0 ? 0.5 * Math.sqrt(random()) : 0.8 + 0.2 * random();',
              '    [a, b] = [r * Math.cos(angle), r * Math.sin(angle)];',
            ]
          : ['    [a, b] = [random() * 2 - 1, random() * 2 - 1];', '    cls = a * b > 0 ? 0 : 1;'];
    lines.push(
      `// ${setup.title}: two classes in the plane, labels one-hot.`,
      'function makeRows(count) {',
      '  const x = new Float32Array(count * 2), y = new Float32Array(count * 2);',
      '  for (let i = 0; i < count; i++) {',
      `    let cls = i % 2, a, b;`,
      ...shape,
      `    x[i * 2] = a + ${set === 'xor' ? '0.05' : '0.08'} * gaussian();`,
      `    x[i * 2 + 1] = b + ${set === 'xor' ? '0.05' : '0.08'} * gaussian();`,
      '    y[i * 2 + cls] = 1;',
      '  }',
      '  return { x, y };',
      '}',
    );
  } else {
    lines.push(
      `// Stand-in data of the right shape. The real data: ${setup.standInNote}.`,
      'function makeRows(count) {',
      '  const x = Float32Array.from({ length: count * FEATURES }, gaussian), y = new Float32Array(count * OUTPUTS);',
      setup.task === 'classification'
        ? '  for (let i = 0; i < count; i++) y[i * OUTPUTS + Math.floor(random() * OUTPUTS)] = 1; // one-hot labels'
        : '  for (let i = 0; i < count; i++) y[i] = x[i * FEATURES];',
      '  return { x, y };',
      '}',
    );
  }
  return lines;
}

function modelLines(setup: CodeSetup, compile: boolean): string[] {
  const { config } = setup;
  const lines = ['', 'const model = tf.sequential();'];
  setup.layers.forEach((layer, i) => lines.push(`model.add(${layerLine(layer, i === 0 ? ', inputShape: [FEATURES]' : '')});`));
  const optimizer = `tf.train.${OPTIMIZER_FN[config.optimizer]}(${num(config.learningRate)})`;
  if (compile) {
    lines.push(
      `model.compile({ optimizer: ${optimizer}, loss: '${setup.task === 'classification' ? 'categoricalCrossentropy' : 'meanSquaredError'}' });`,
    );
  } else {
    lines.push(`const optimizer = ${optimizer};`);
    lines.push(
      setup.task === 'classification'
        ? 'const lossOf = (xb, yb) => tf.mean(tf.metrics.categoricalCrossentropy(yb, model.apply(xb)));'
        : 'const lossOf = (xb, yb) => tf.mean(tf.metrics.meanSquaredError(yb, model.apply(xb)));',
    );
  }
  return lines;
}

const epochLog = 'onEpochEnd: (epoch, logs) => console.log(`epoch ${epoch + 1} loss ${logs.loss.toFixed(4)}`)';

function callbacksLine(config: RunConfig): string {
  // A per-batch callback makes tfjs read every batch's loss back (fitscope charts it); without one it does not.
  return config.callbacks
    ? `  callbacks: { onBatchEnd: (batch, logs) => batchLosses.push(logs.loss), ${epochLog} },`
    : `  callbacks: { ${epochLog} },`;
}

function generatorLines(setup: CodeSetup): string[] {
  const { config } = setup;
  const lines = ['', '// The generator (Keras fit_generator): each batch is made when it is needed, so only a batch or two is in memory.'];
  if (config.source === 'memory') lines.push('const all = makeRows(N); // source=memory: rows come from arrays in RAM');
  if (config.latencyMs > 0) lines.push('const sleep = (ms) => new Promise((done) => setTimeout(done, ms));');
  lines.push(
    'async function* batches() {',
    '  for (let start = 0; start < N; start += BATCH) {',
    '    const size = Math.min(BATCH, N - start);',
  );
  if (config.latencyMs > 0) lines.push(`    await sleep(${num(config.latencyMs)}); // simulated I/O wait (a slow disk or network)`);
  lines.push(
    config.source === 'memory'
      ? '    const rows = { x: all.x.slice(start * FEATURES, (start + size) * FEATURES), y: all.y.slice(start * OUTPUTS, (start + size) * OUTPUTS) };'
      : `    const rows = makeRows(size); // source=${config.source}: made on the fly`,
  );
  if (config.augment > 0) {
    lines.push(
      `    for (let pass = 0; pass < ${config.augment}; pass++) {`,
      '      for (let i = 0; i < rows.x.length; i++) rows.x[i] += 0.05 * gaussian(); // augmentation: noise',
      '    }',
    );
  }
  if (config.genYields === 'samples') {
    lines.push(
      '    for (let i = 0; i < size; i++) {',
      '      yield { xs: tf.tensor1d(rows.x.subarray(i * FEATURES, (i + 1) * FEATURES)), ys: tf.tensor1d(rows.y.subarray(i * OUTPUTS, (i + 1) * OUTPUTS)) };',
      '    }',
    );
  } else {
    lines.push('    yield { xs: tf.tensor2d(rows.x, [size, FEATURES]), ys: tf.tensor2d(rows.y, [size, OUTPUTS]) };');
  }
  lines.push('  }', '}');
  let chain = 'tf.data.generator(batches)';
  if (config.genYields === 'samples') chain += '.batch(BATCH)';
  if (config.prefetch > 0) chain += `.prefetch(${config.prefetch})`;
  lines.push(`const dataset = ${chain};`);
  return lines;
}

function tensorsLines(): string[] {
  return [
    '',
    '// The whole data set as tensors, as fit wants it.',
    'const rows = makeRows(N);',
    'const xs = tf.tensor2d(rows.x, [N, FEATURES]);',
    'const ys = tf.tensor2d(rows.y, [N, OUTPUTS]);',
  ];
}

/** Lines that give the body of a batch loop `xb`, `yb` and `size` for each batch, from arrays or the pipeline. */
function batchSourceOpen(setup: CodeSetup): string[] {
  return setup.config.feed === 'pipeline'
    ? [
        '  const iterator = await dataset.iterator();',
        '  for (let item = await iterator.next(); !item.done; item = await iterator.next()) {',
        '    const { xs: xb, ys: yb } = item.value;',
        '    const size = xb.shape[0];',
      ]
    : [
        '  for (let start = 0; start < N; start += BATCH) {',
        '    const size = Math.min(BATCH, N - start);',
        '    const xb = xs.slice(start, size), yb = ys.slice(start, size);',
      ];
}

function fitLines(setup: CodeSetup): string[] {
  const { config } = setup;
  const options = [`  batchSize: BATCH,`, `  epochs: EPOCHS,`, `  shuffle: ${config.shuffle},`];
  if (config.validationSplit > 0) options.push(`  validationSplit: ${num(config.validationSplit)},`);
  options.push(`  yieldEvery: '${config.yieldEvery}',`, callbacksLine(config));
  return [
    ...tensorsLines(),
    ...modelLines(setup, true),
    '',
    'const batchLosses = [];',
    'await model.fit(xs, ys, {',
    ...options,
    '});',
    'tf.dispose([xs, ys]);',
  ];
}

function fitDatasetLines(setup: CodeSetup): string[] {
  const { config } = setup;
  return [
    ...generatorLines(setup),
    ...modelLines(setup, true),
    '',
    'const batchLosses = [];',
    'await model.fitDataset(dataset, {',
    '  epochs: EPOCHS,',
    `  yieldEvery: '${config.yieldEvery}',`,
    callbacksLine(config),
    '});',
  ];
}

function trainOnBatchLines(setup: CodeSetup): string[] {
  return [
    ...(setup.config.feed === 'pipeline' ? generatorLines(setup) : tensorsLines()),
    ...modelLines(setup, true),
    '',
    'for (let epoch = 0; epoch < EPOCHS; epoch++) {',
    '  let sum = 0, seen = 0;',
    ...batchSourceOpen(setup),
    '    // trainOnBatch returns the loss as a number: tfjs reads it back from the backend every batch.',
    '    const loss = await model.trainOnBatch(xb, yb);',
    '    tf.dispose([xb, yb]);',
    '    sum += loss * size;',
    '    seen += size;',
    '  }',
    '  console.log(`epoch ${epoch + 1} loss ${(sum / seen).toFixed(4)}`);',
    '}',
    ...(setup.config.feed === 'pipeline' ? [] : ['tf.dispose([xs, ys]);']),
  ];
}

function loopLines(setup: CodeSetup): string[] {
  const { config } = setup;
  const lines = [
    ...(config.feed === 'pipeline' ? generatorLines(setup) : tensorsLines()),
    ...modelLines(setup, false),
    '',
    // Counted across the run, as fitscope's engine counts readback=N (not restarting each epoch).
    ...(typeof config.readback === 'number' ? ['let step = 0;'] : []),
    'for (let epoch = 0; epoch < EPOCHS; epoch++) {',
    '  let sum = tf.scalar(0), seen = 0, batch = 0;',
    ...batchSourceOpen(setup),
    '    // minimize(f, true) returns the loss as a tensor: it stays on the backend until something reads it.',
    '    const loss = optimizer.minimize(() => lossOf(xb, yb), true);',
    '    tf.dispose([xb, yb]);',
    '    const total = tf.tidy(() => sum.add(loss.mul(size)));',
    '    sum.dispose();',
    '    sum = total;',
    '    seen += size;',
    '    batch++;',
  ];
  if (config.readback === 'every') {
    lines.push('    const batchLoss = (await loss.data())[0]; // readback=every: one read (a GPU sync) per batch');
  } else if (typeof config.readback === 'number') {
    lines.push(
      `    if (++step % ${config.readback} === 0) console.log('batch loss', (await loss.data())[0]); // readback every ${config.readback} batches of the run`,
    );
  }
  if (config.leak) {
    lines.push('    // BUG on purpose (leak=1): the loss tensor is never disposed, so one tensor leaks per batch.');
    lines.push('    // The fix is one line: loss.dispose();');
  } else {
    lines.push('    loss.dispose();');
  }
  lines.push(
    '  }',
    '  // One readback per epoch: the mean loss, summed on the backend.',
    '  console.log(`epoch ${epoch + 1} loss ${((await sum.data())[0] / seen).toFixed(4)}`);',
    '  sum.dispose();',
    '}',
    ...(config.feed === 'pipeline' ? [] : ['tf.dispose([xs, ys]);']),
  );
  return lines;
}

const MODE_BODY: Record<ModeName, (setup: CodeSetup) => string[]> = {
  fit: fitLines,
  fitDataset: fitDatasetLines,
  trainOnBatch: trainOnBatchLines,
  loop: loopLines,
};

export function tfjsCode(config: RunConfig, mode: ModeName): string {
  const setup = codeSetup(config);
  const lines = [...header(setup, mode), ...dataLines(setup), ...MODE_BODY[mode](setup)];
  lines.push('', "console.log('tensors', tf.memory().numTensors);", 'model.dispose();');
  return `${lines.join('\n')}\n`;
}

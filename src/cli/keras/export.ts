// Runs in Node. A prepared run written out for the Keras runner (scripts/keras/fskeras/spec.py): raw
// little-endian float32 files (rows, held-out test rows, initial weights) and spec.json with the network, the
// optimizer's settings as tfjs has them, and the knobs. Nothing here decides how Keras trains: it states the run.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreparedRun } from '../../engine/run';
import type { Tf } from '../../engine/tf';
import { makeOptimizer } from '../../engine/model';
import type { RunConfig } from '../../shared/config';

export const SPEC_VERSION = 1;

export interface OptimizerSpec {
  name: RunConfig['optimizer'];
  learningRate: number;
  [setting: string]: number | string | boolean;
}

/**
 * tfjs' optimizer settings, read from tfjs itself (getConfig(), and the backend's epsilon where the optimizer
 * takes it at each step, as adagrad does), so Keras gets tfjs' values rather than its own defaults.
 */
export function tfjsOptimizerSettings(tf: Tf, name: RunConfig['optimizer'], learningRate: number): OptimizerSpec {
  const optimizer = makeOptimizer(tf, name, learningRate);
  try {
    const config = optimizer.getConfig() as Record<string, number | string | boolean>;
    return { epsilon: tf.backend().epsilon(), ...config, name, learningRate };
  } finally {
    optimizer.dispose();
  }
}

/** Little-endian bytes of a Float32Array (a copy only on a big-endian host). */
function littleEndian(values: Float32Array): Uint8Array {
  const probe = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  if (probe) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new DataView(new ArrayBuffer(values.byteLength));
  values.forEach((v, i) => out.setFloat32(i * 4, v, true));
  return new Uint8Array(out.buffer);
}

/** Every row of the set, fit's validation tail included (Keras' validation_split cuts it off itself). */
async function allRows(prepared: PreparedRun): Promise<{ x: Float32Array; y: Float32Array }> {
  if (prepared.arrays) return prepared.arrays;
  const rows = await prepared.evalReader.read(0, prepared.shape.samples);
  return { x: rows.x, y: rows.y };
}

export function runSpec(prepared: PreparedRun, optimizer: OptimizerSpec) {
  const { config, shape, arch, weights, trainSamples } = prepared;
  return {
    version: SPEC_VERSION,
    seed: config.seed,
    data: {
      dataset: config.dataset,
      task: shape.task,
      features: shape.features,
      outputs: shape.outputs,
      samples: shape.samples,
      testSamples: prepared.test.samples,
      image: shape.image ?? null,
    },
    layers: arch.layers.map((l) => l.spec),
    weights: weights.shapes.map((shape, i) => ({ file: `w${i}.bin`, shape })),
    optimizer,
    plan: {
      trainSamples,
      batchSize: config.batchSize,
      epochs: config.epochs,
      shuffle: config.shuffle,
      validationSplit: config.validationSplit,
      readback: config.readback,
      callbacks: config.callbacks,
    },
    pipeline: {
      latencyMs: config.latencyMs,
      augment: config.augment,
      genYields: config.genYields,
      prefetch: config.prefetch,
      feed: config.feed,
    },
  };
}

export type RunSpec = ReturnType<typeof runSpec>;

export async function exportRun(folder: string, prepared: PreparedRun, optimizer: OptimizerSpec): Promise<RunSpec> {
  await mkdir(folder, { recursive: true });
  const spec = runSpec(prepared, optimizer);
  const rows = await allRows(prepared);
  const files: [string, Float32Array][] = [
    ['x.bin', rows.x.subarray(0, prepared.shape.samples * prepared.shape.features)],
    ['y.bin', rows.y.subarray(0, prepared.shape.samples * prepared.shape.outputs)],
    ['test_x.bin', prepared.test.x],
    ['test_y.bin', prepared.test.y],
    ...prepared.weights.values.map((v, i): [string, Float32Array] => [`w${i}.bin`, v]),
  ];
  await Promise.all(files.map(([name, values]) => writeFile(join(folder, name), littleEndian(values))));
  await writeFile(join(folder, 'spec.json'), `${JSON.stringify(spec, null, 2)}\n`);
  return spec;
}

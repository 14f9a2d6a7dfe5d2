import { describe, expect, it } from 'vitest';
import { parseArgs, usage } from '../../src/cli/args';
import { DEFAULT_CONFIG, FIELD_TABLE } from '../../src/shared/config';

describe('CLI flags', () => {
  it('takes a flag for every RunConfig field, named like the URL keys', () => {
    const options = parseArgs([
      '--modes',
      'loop,fit',
      '--dataset',
      'teacher',
      '--samples',
      '2048',
      '--features',
      '16',
      '--batch=64',
      '--epochs',
      '3',
      '--hidden',
      '128,32',
      '--optimizer',
      'sgd',
      '--lr',
      '0.05',
      '--seed',
      '7',
      '--backend',
      'wasm',
      '--json',
    ]);
    expect(options.config).toEqual({
      ...DEFAULT_CONFIG,
      modes: ['fit', 'loop'],
      dataset: 'teacher',
      samples: 2048,
      features: 16,
      batchSize: 64,
      epochs: 3,
      hidden: [128, 32],
      optimizer: 'sgd',
      learningRate: 0.05,
      seed: 7,
      backend: 'wasm',
    });
    expect(options.json).toBe(true);
    for (const f of FIELD_TABLE) expect(usage()).toContain(`--${f.key}`);
  });

  it('takes the measurement knobs, with bare switches', () => {
    const { config } = parseArgs([
      '--modes',
      'fit,fitDataset,loop',
      '--readback',
      'epoch',
      '--source',
      'shards',
      '--latency-ms',
      '5',
      '--prefetch',
      '2',
      '--augment',
      '--gen-yields',
      'samples',
      '--feed',
      'pipeline',
      '--shuffle',
      '--validation-split',
      '0.2',
      '--yield-every',
      'auto',
      '--callbacks',
      'off',
      '--loss',
      'keras',
      '--budget-mb',
      '256',
    ]);
    expect(config).toMatchObject({
      readback: 'epoch',
      source: 'shards',
      latencyMs: 5,
      prefetch: 2,
      augment: 1,
      genYields: 'samples',
      feed: 'pipeline',
      shuffle: true,
      validationSplit: 0.2,
      yieldEvery: 'auto',
      callbacks: false,
      lossView: 'keras',
      budgetMb: 256,
    });
    expect(parseArgs(['--readback', '10']).config.readback).toBe(10);
    expect(parseArgs(['--augment', '3']).config.augment).toBe(3);
  });

  it.each([
    [['--modes', 'loop', '--shuffle'], /shuffle applies to fit only/],
    [['--modes', 'fitDataset', '--validation-split', '0.1'], /validation-split applies to fit only/],
    [
      ['--modes', 'fit,loop', '--prefetch', '2', '--latency-ms', '5'],
      /latency-ms, prefetch shape the generator pipeline, which no mode reads/,
    ],
    [['--modes', 'fit', '--feed', 'pipeline'], /feed=pipeline applies to trainOnBatch and loop/],
    [['--modes', 'trainOnBatch', '--readback', 'epoch'], /trainOnBatch always reads the loss back/],
    [['--readback', 'sometimes'], /readback: "sometimes" is not every, epoch or a number/],
    [['--shuffle', 'maybe'], /shuffle: "maybe" is not on\/off/],
  ])('rejects the invalid combination %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it('takes a CSV file and its label column, which imply dataset csv', () => {
    expect(parseArgs(['--csv', 'data.csv', '--label', 'price'])).toMatchObject({
      csv: 'data.csv',
      label: 'price',
      config: { dataset: 'csv' },
    });
    expect(() => parseArgs(['--dataset', 'csv'])).toThrow('--dataset csv needs --csv PATH');
    expect(() => parseArgs(['--label', 'y'])).toThrow('--label names a column of the file given with --csv');
    expect(() => parseArgs(['--csv', 'a.csv', '--dataset', 'iris'])).toThrow('cannot be combined with --dataset iris');
    expect(() => parseArgs(['--csv'])).toThrow('--csv needs a value');
  });

  it('uses the defaults when no flag is given', () => {
    expect(parseArgs([]).config).toEqual(DEFAULT_CONFIG);
  });

  it.each([
    [['--samples', 'banana'], /samples: "banana" is not a number/],
    [['--samples', '0'], /samples: "0" outside 16…1000000/],
    [['--modes', 'fit,nope'], /modes: ignored "nope"/],
    [['--optimizer', 'adamw'], /optimizer: "adamw" is not one of/],
    [['--lr', 'NaN'], /lr: "NaN" is not a number/],
    [['--hidden', '64,x'], /hidden: dropped "x"/],
    [['--bogus', '1'], /unknown flag --bogus/],
    [['--samples'], /--samples needs a value/],
    [['--samples', '--batch', '2'], /--samples needs a value/],
    [['--epochs', '1', '--epochs', '2'], /given twice/],
    [['fit'], /unexpected argument "fit"/],
    [['--json=yes'], /takes no value/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

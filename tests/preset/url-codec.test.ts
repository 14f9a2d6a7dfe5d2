import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeQuery, encodeQuery } from '../../src/preset/url-codec';
import {
  BACKEND_PREFERENCES, DATA_SOURCES, DATASET_NAMES, DEFAULT_CONFIG, FIELD_TABLE, MODEL_KINDS, FEEDS, GENERATOR_YIELDS, LOSS_VIEWS, MODE_NAMES, OPTIMIZER_NAMES, YIELD_EVERY,
  type RunConfig,
} from '../../src/shared/config';
import { isValidConfig } from '../../src/shared/config-coerce';

const validConfig: fc.Arbitrary<RunConfig> = fc.record({
  modes: fc.subarray([...MODE_NAMES], { minLength: 1 }),
  dataset: fc.constantFrom(...DATASET_NAMES),
  model: fc.constantFrom(...MODEL_KINDS),
  samples: fc.integer({ min: 16, max: 1_000_000 }),
  features: fc.integer({ min: 1, max: 1024 }),
  batchSize: fc.integer({ min: 1, max: 65_536 }),
  epochs: fc.integer({ min: 1, max: 1000 }),
  hidden: fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 8 }),
  optimizer: fc.constantFrom(...OPTIMIZER_NAMES),
  learningRate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2_147_483_647 }),
  backend: fc.constantFrom(...BACKEND_PREFERENCES),
  readback: fc.oneof(fc.constantFrom('every' as const, 'epoch' as const), fc.integer({ min: 2, max: 100_000 })),
  source: fc.constantFrom(...DATA_SOURCES),
  latencyMs: fc.double({ min: 0, max: 5000, noNaN: true }),
  augment: fc.integer({ min: 0, max: 16 }),
  genYields: fc.constantFrom(...GENERATOR_YIELDS),
  prefetch: fc.integer({ min: 0, max: 64 }),
  feed: fc.constantFrom(...FEEDS),
  shuffle: fc.boolean(),
  validationSplit: fc.double({ min: 0, max: 0.9, noNaN: true }),
  yieldEvery: fc.constantFrom(...YIELD_EVERY),
  callbacks: fc.boolean(),
  lossView: fc.constantFrom(...LOSS_VIEWS),
  budgetMb: fc.integer({ min: 0, max: 1_000_000 }),
});

describe('URL codec', () => {
  it('reads every documented key', () => {
    const { config, autorun, warnings } = decodeQuery(
      '?modes=loop,fit&dataset=teacher&samples=8192&features=16&batch=64&epochs=3&hidden=128,32&optimizer=sgd&lr=0.1&seed=9&backend=wasm&autorun=1',
    );
    expect(warnings).toEqual([]);
    expect(autorun).toBe(true);
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      modes: ['fit', 'loop'], dataset: 'teacher', samples: 8192, features: 16, batchSize: 64, epochs: 3,
      hidden: [128, 32], optimizer: 'sgd', learningRate: 0.1, seed: 9, backend: 'wasm',
    });
    const knobs = decodeQuery('?readback=8&source=shards&latency-ms=5&augment=2&gen-yields=samples&prefetch=4&feed=pipeline&shuffle=1&validation-split=0.2&yield-every=auto&callbacks=off&loss=keras&budget-mb=512');
    expect(knobs.warnings).toEqual([]);
    expect(knobs.config).toMatchObject({
      readback: 8, source: 'shards', latencyMs: 5, augment: 2, genYields: 'samples', prefetch: 4, feed: 'pipeline', shuffle: true,
      validationSplit: 0.2, yieldEvery: 'auto', callbacks: false, lossView: 'keras', budgetMb: 512,
    });
    expect(decodeQuery('?readback=epoch').config.readback).toBe('epoch');
    expect(decodeQuery('?readback=1').config.readback).toBe('every');
    expect(decodeQuery('?readback=sometimes').warnings.join()).toContain('readback');
    expect(decodeQuery('?shuffle=maybe').warnings.join()).toContain('shuffle');
  });

  it('falls back to defaults on bad values and names each change', () => {
    const { config, warnings } = decodeQuery('?samples=banana&modes=nope&batch=-5&lr=1e99&backend=<script>&extra=1');
    expect(config.samples).toBe(DEFAULT_CONFIG.samples);
    expect(config.modes).toEqual(DEFAULT_CONFIG.modes);
    expect(config.batchSize).toBe(1);
    expect(config.learningRate).toBe(10);
    expect(config.backend).toBe('auto');
    const text = warnings.join('\n');
    for (const key of ['samples', 'modes', 'batch', 'lr', 'backend', '"extra"']) expect(text).toContain(key);
  });

  it('writes a canonical query that omits defaults', () => {
    expect(encodeQuery(DEFAULT_CONFIG as RunConfig)).toBe('');
    expect(encodeQuery({ ...DEFAULT_CONFIG, samples: 100, hidden: [] } as RunConfig, { autorun: true })).toBe('samples=100&hidden=&autorun=1');
  });

  it('round-trips every valid config', () => {
    fc.assert(
      fc.property(validConfig, (config) => {
        const decoded = decodeQuery(encodeQuery(config));
        expect(decoded.warnings).toEqual([]);
        expect(decoded.config).toEqual(config);
      }),
    );
  });

  it('turns any query string into a valid config without throwing', () => {
    const key = fc.constantFrom(...FIELD_TABLE.map((f) => f.key), 'autorun', 'x');
    const query = fc.oneof(
      fc.string(),
      fc.array(fc.tuple(key, fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String)))).map((pairs) =>
        pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'),
      ),
    );
    fc.assert(
      fc.property(query, (search) => {
        const { config } = decodeQuery(search);
        expect(isValidConfig(config)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

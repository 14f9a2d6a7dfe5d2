import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeQuery, encodeQuery } from '../../src/preset/url-codec';
import { BACKEND_PREFERENCES, DEFAULT_CONFIG, MODE_NAMES, OPTIMIZER_NAMES, type RunConfig } from '../../src/shared/config';
import { isValidConfig } from '../../src/shared/config-coerce';

const validConfig: fc.Arbitrary<RunConfig> = fc.record({
  modes: fc.subarray([...MODE_NAMES], { minLength: 1 }),
  dataset: fc.constant('teacher' as const),
  samples: fc.integer({ min: 16, max: 1_000_000 }),
  features: fc.integer({ min: 1, max: 1024 }),
  batchSize: fc.integer({ min: 1, max: 65_536 }),
  epochs: fc.integer({ min: 1, max: 1000 }),
  hidden: fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 8 }),
  optimizer: fc.constantFrom(...OPTIMIZER_NAMES),
  learningRate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2_147_483_647 }),
  backend: fc.constantFrom(...BACKEND_PREFERENCES),
});

describe('URL codec', () => {
  it('reads every documented key', () => {
    const { config, autorun, warnings } = decodeQuery(
      '?modes=loop,fit&dataset=teacher&samples=8192&features=16&batch=64&epochs=3&hidden=128,32&optimizer=sgd&lr=0.1&seed=9&backend=wasm&autorun=1',
    );
    expect(warnings).toEqual([]);
    expect(autorun).toBe(true);
    expect(config).toEqual({
      modes: ['fit', 'loop'], dataset: 'teacher', samples: 8192, features: 16, batchSize: 64, epochs: 3,
      hidden: [128, 32], optimizer: 'sgd', learningRate: 0.1, seed: 9, backend: 'wasm',
    });
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
    const key = fc.constantFrom('modes', 'dataset', 'samples', 'features', 'batch', 'epochs', 'hidden', 'optimizer', 'lr', 'seed', 'backend', 'autorun', 'x');
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

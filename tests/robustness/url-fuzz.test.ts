// Ten thousand random and mutated links through the decoder: it never throws, always yields a valid config,
// and names every setting it changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeQuery, VERSION_KEY } from '../../src/links/url-codec';
import { VIEW_KEYS } from '../../src/links/view-settings';
import { DEFAULT_CONFIG, FIELD_TABLE, type RunConfig } from '../../src/shared/config';
import { isValidConfig } from '../../src/shared/config-coerce';

const keys = FIELD_TABLE.map((f) => f.key);
const nasty = fc.oneof(
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e308',
    '-1e308',
    '1e-320',
    '-0',
    '0x10',
    '1_000',
    ' 12 ',
    '',
    ',,,',
    '١٢٣',
    '😀',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '%00',
    '%',
    '%E0%A4%A',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    'toString',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt().map(String),
  fc.string({ minLength: 2000, maxLength: 5000 }),
);
const pair = fc.tuple(
  fc.oneof(fc.constantFrom(...keys, 'v', 'autorun', '__proto__', 'constructor', 'hasOwnProperty'), fc.string({ maxLength: 8 })),
  nasty,
);
const query = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.array(pair, { maxLength: 30 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')),
  // Not URL-encoded at all: raw markup and separators.
  fc.array(pair, { maxLength: 10 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
);

function changedKeys(config: RunConfig): string[] {
  return FIELD_TABLE.filter((f) => JSON.stringify(config[f.name]) !== JSON.stringify(DEFAULT_CONFIG[f.name])).map((f) => f.key);
}

describe('URL decoder under fuzz', () => {
  it('never throws, always yields a valid config, says what it changed, and pollutes nothing', () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const fieldNames = FIELD_TABLE.map((f) => f.name).sort();
    // Every warning starts with the key it is about (a setting, a view key, v), a quoted key, or the unknown list.
    const knownStart = new RegExp(`^(${[...keys, ...VIEW_KEYS.map((k) => k.key), VERSION_KEY].join('|')})[:=]|^"|^ignored unknown`);
    fc.assert(
      fc.property(query, (search) => {
        const { config, warnings } = decodeQuery(`?${search}`);
        expect(isValidConfig(config)).toBe(true);
        // Only the settings, as own properties: a key like __proto__ or constructor did not become one.
        expect(Object.keys(config).sort()).toEqual(fieldNames);
        for (const w of warnings) expect(w).toMatch(knownStart);
        // A link that changed a setting says so: a setting away from its default was in the link.
        const query = new URLSearchParams(search);
        for (const key of changedKeys(config)) expect(query.has(key), key).toBe(true);
        // Nothing leaked into the prototype: Object.prototype has the same own properties as before.
        expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
      }),
      { numRuns: 10_000 },
    );
  });

  it('names each setting it repaired: a bad value for one key gives a warning naming that key', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIELD_TABLE.filter((f) => f.kind !== 'choiceList' && f.kind !== 'intList')),
        fc.constantFrom('banana', 'NaN', '<b>x</b>', '-1e400'),
        (field, value) => {
          const { config, warnings } = decodeQuery(`?${field.key}=${encodeURIComponent(value)}`);
          expect(warnings.some((w) => w.startsWith(`${field.key}:`))).toBe(true);
          // A value that cannot be used leaves only that field changed, and only to a legal value.
          expect(changedKeys(config).filter((k) => k !== field.key)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

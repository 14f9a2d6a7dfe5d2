import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeQuery, encodeQuery, URL_FORMAT_VERSION } from '../../src/links/url-codec';
import {
  ALL_PANEL_IDS,
  EMBED_OMITS,
  PAGE_PANEL_IDS,
  VIEW_KEYS,
  defaultLinkView,
  isPanelHidden,
  shownView,
  type LinkView,
} from '../../src/links/view-settings';
import { DEFAULT_CONFIG, FIELD_TABLE, type FieldSpec, type RunConfig } from '../../src/shared/config';
import { isValidConfig } from '../../src/shared/config-coerce';
import { DEFAULT_VIEW_SETTINGS, PANEL_IDS, SMOOTHING_MAX, X_AXES, normalizeViewSettings } from '../../src/shared/view-settings';
import { REFERENCE_RUNS } from '../../src/links/reference-runs';

/** Valid values of one field, from its FIELD_TABLE entry: a field added there is covered here at once. */
function arbitraryFor(spec: FieldSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'int':
      return fc.integer({ min: spec.min, max: spec.max });
    case 'number':
      return fc.double({ min: spec.min, max: spec.max, noNaN: true });
    case 'choice':
      return fc.constantFrom(...spec.choices);
    case 'bool':
      return fc.boolean();
    case 'readback':
      return fc.oneof(fc.constantFrom('every', 'epoch'), fc.integer({ min: spec.min, max: spec.max }));
    case 'choiceList':
      return fc.subarray([...spec.choices], { minLength: 1 });
    case 'intList':
      return fc.array(fc.integer({ min: spec.min, max: spec.max }), { maxLength: spec.maxLength });
  }
}

const validConfig = fc.record(
  Object.fromEntries(FIELD_TABLE.map((spec) => [spec.name, arbitraryFor(spec)])),
) as unknown as fc.Arbitrary<RunConfig>;

const validLink: fc.Arbitrary<LinkView> = fc.record({
  view: fc.record({
    xAxis: fc.constantFrom(...X_AXES),
    logScale: fc.boolean(),
    smoothing: fc.double({ min: 0, max: SMOOTHING_MAX, noNaN: true }),
    hidden: fc.subarray([...PANEL_IDS]),
  }),
  page: fc.record({
    embed: fc.boolean(),
    autorun: fc.boolean(),
    hidden: fc.subarray([...PAGE_PANEL_IDS]),
    refs: fc.subarray([...REFERENCE_RUNS]),
    keep: fc.boolean(),
  }),
});

const anyKey = fc.constantFrom(...FIELD_TABLE.map((f) => f.key), ...VIEW_KEYS.map((k) => k.key), 'v', 'x', 'unknown');
const anyQuery = fc.oneof(
  fc.string(),
  fc
    .array(fc.tuple(anyKey, fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String), fc.constantFrom(...ALL_PANEL_IDS))))
    .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
);

describe('URL codec', () => {
  it('has one key per setting: RunConfig fields, view keys and v never share a key', () => {
    const keys = ['v', ...FIELD_TABLE.map((f) => f.key), ...VIEW_KEYS.map((k) => k.key)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z-]*$/);
    // Every RunConfig field has a row in FIELD_TABLE.
    expect(FIELD_TABLE.map((f) => f.name).sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
  });

  it('reads every documented key', () => {
    const { config, page, warnings } = decodeQuery(
      '?v=1&modes=loop,fit&dataset=teacher&samples=8192&features=16&batch=64&epochs=3&hidden=128,32&optimizer=sgd&lr=0.1&seed=9&backend=wasm&autorun=1',
    );
    expect(warnings).toEqual([]);
    expect(page.autorun).toBe(true);
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      modes: ['fit', 'loop'],
      dataset: 'teacher',
      samples: 8192,
      features: 16,
      batchSize: 64,
      epochs: 3,
      hidden: [128, 32],
      optimizer: 'sgd',
      learningRate: 0.1,
      seed: 9,
      backend: 'wasm',
    });
    const knobs = decodeQuery(
      '?readback=8&source=shards&latency-ms=5&augment=2&gen-yields=samples&prefetch=4&feed=pipeline&shuffle=1&validation-split=0.2&yield-every=auto&callbacks=off&loss=keras&budget-mb=512&leak=1',
    );
    expect(knobs.warnings).toEqual([]);
    expect(knobs.config).toMatchObject({
      readback: 8,
      source: 'shards',
      latencyMs: 5,
      augment: 2,
      genYields: 'samples',
      prefetch: 4,
      feed: 'pipeline',
      shuffle: true,
      validationSplit: 0.2,
      yieldEvery: 'auto',
      callbacks: false,
      lossView: 'keras',
      budgetMb: 512,
      leak: true,
    });
    expect(decodeQuery('?readback=epoch').config.readback).toBe('epoch');
    expect(decodeQuery('?readback=1').config.readback).toBe('every');
    expect(decodeQuery('?readback=sometimes').warnings.join()).toContain('readback');
    expect(decodeQuery('?shuffle=maybe').warnings.join()).toContain('shuffle');
  });

  it('reads the view keys: x axis, log scale, smoothing, hidden panels, embed, autorun', () => {
    const { view, page, warnings } = decodeQuery('?x=samples&log=1&smooth=0.25&hide=memory,settings,loss,code&embed=1&autorun=0');
    expect(warnings).toEqual([]);
    expect(view).toEqual({ xAxis: 'samples', logScale: true, smoothing: 0.25, hidden: ['loss', 'memory'] });
    expect(page).toEqual({ embed: true, autorun: false, hidden: ['settings', 'code'], refs: [], keep: false });
    // A bare flag switches it on; no view keys = the defaults.
    expect(decodeQuery('?embed').page.embed).toBe(true);
    expect(decodeQuery('').view).toEqual(DEFAULT_VIEW_SETTINGS);
    const bad = decodeQuery('?x=epochs&smooth=7&hide=loss,nope&embed=maybe');
    expect(bad.view.xAxis).toBe('batch');
    expect(bad.view.smoothing).toBe(SMOOTHING_MAX);
    expect(bad.view.hidden).toEqual(['loss']);
    expect(bad.page.embed).toBe(false);
    const text = bad.warnings.join('\n');
    for (const word of ['epochs', 'smooth:', '"nope"', 'embed']) expect(text).toContain(word);
  });

  it('reads every boolean with the same on/off words, a bare key meaning on', () => {
    const bools = [...FIELD_TABLE.filter((f) => f.kind === 'bool').map((f) => f.key), 'log', 'embed', 'autorun'];
    const read = (query: string) => {
      const d = decodeQuery(query);
      return { ...d.config, ...d.view, ...d.page, warnings: d.warnings } as Record<string, unknown>;
    };
    const field = (key: string) =>
      FIELD_TABLE.find((f) => f.key === key)?.name ?? { log: 'logScale', embed: 'embed', autorun: 'autorun' }[key]!;
    for (const key of bools) {
      for (const [text, value] of [
        ['', true],
        ['1', true],
        ['on', true],
        ['YES', true],
        ['true', true],
        ['0', false],
        ['off', false],
        ['no', false],
        ['false', false],
      ] as const) {
        const query = text === '' ? `?${key}` : `?${key}=${text}`;
        const result = read(query);
        expect(result[field(key)], query).toBe(value);
        expect(result.warnings, query).toEqual([]);
      }
    }
    // A bare number key means what its bare CLI flag means.
    expect(decodeQuery('?augment').config.augment).toBe(1);
  });

  it('says which panels a link hides; the embed view leaves out the full-app parts on top', () => {
    const full = decodeQuery('?hide=memory,share');
    const link = { view: full.view, page: full.page };
    expect(['memory', 'share'].map((p) => isPanelHidden(link, p as never))).toEqual([true, true]);
    expect(isPanelHidden(link, 'loss')).toBe(false);
    expect(isPanelHidden(link, 'settings')).toBe(false);
    expect(shownView(link)).toBe(link.view);
    const embed = decodeQuery('?embed=1&hide=memory');
    const embedded = { view: embed.view, page: embed.page };
    for (const panel of EMBED_OMITS) expect(isPanelHidden(embedded, panel)).toBe(true);
    for (const panel of ['loss', 'table', 'badge', 'notice'] as const) expect(isPanelHidden(embedded, panel)).toBe(false);
    expect(shownView(embedded).hidden).toEqual(PANEL_IDS.filter((p) => p === 'memory' || EMBED_OMITS.includes(p)));
    // What the link says is kept as it was: the omissions are not written back.
    expect(encodeQuery(embed.config, embedded)).toBe('v=1&hide=memory&embed=1');
  });

  it('versions the format: writes v=1, reads a missing v as v1, says when a link is newer', () => {
    expect(URL_FORMAT_VERSION).toBe(1);
    expect(encodeQuery(DEFAULT_CONFIG as RunConfig)).toBe('v=1');
    expect(decodeQuery('?samples=100')).toMatchObject({ version: 1, warnings: [] });
    expect(decodeQuery('?v=1&samples=100')).toMatchObject({ version: 1, warnings: [] });
    const newer = decodeQuery('?v=2&samples=100');
    expect(newer.version).toBe(2);
    expect(newer.config.samples).toBe(100);
    expect(newer.warnings).toHaveLength(1);
    expect(newer.warnings[0]).toMatch(/newer fitscope \(format v2\)/);
    const junk = decodeQuery('?v=banana');
    expect(junk.version).toBe(1);
    expect(junk.warnings[0]).toMatch(/"banana" is not a format version/);
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
    expect(encodeQuery({ ...DEFAULT_CONFIG, samples: 100, hidden: [] } as RunConfig, { page: { autorun: true } })).toBe(
      'v=1&samples=100&hidden=&autorun=1',
    );
    const link = defaultLinkView();
    link.view = { ...link.view, xAxis: 'time', hidden: ['memory', 'loss'] };
    link.page = { ...link.page, embed: true, hidden: ['code', 'settings'] };
    // Panels in table order, page parts first.
    expect(encodeQuery(DEFAULT_CONFIG as RunConfig, link)).toBe('v=1&x=time&hide=settings,code,loss,memory&embed=1');
  });

  it('round-trips every valid config and view', () => {
    fc.assert(
      fc.property(validConfig, validLink, (config, link) => {
        const decoded = decodeQuery(encodeQuery(config, link));
        expect(decoded.warnings).toEqual([]);
        expect(decoded.config).toEqual(config);
        expect(decoded.view).toEqual(link.view);
        expect(decoded.page).toEqual(link.page);
      }),
    );
  });

  it('turns any query string into a valid config and view without throwing', () => {
    fc.assert(
      fc.property(anyQuery, (search) => {
        const { config, view, page } = decodeQuery(search);
        expect(isValidConfig(config)).toBe(true);
        expect(normalizeViewSettings(view)).toEqual({ settings: view, warnings: [] });
        expect(PAGE_PANEL_IDS.filter((id) => page.hidden.includes(id))).toEqual(page.hidden);
        expect(typeof page.embed).toBe('boolean');
        expect(typeof page.autorun).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('is canonical: encoding what was decoded is a fixed point, and never lists a default', () => {
    fc.assert(
      fc.property(anyQuery, (search) => {
        const first = decodeQuery(search);
        const once = encodeQuery(first.config, first);
        const again = decodeQuery(once);
        expect(again.warnings).toEqual([]);
        expect(encodeQuery(again.config, again)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

// Every preset is a clean link to a valid setup that runs where it says: no decoder warnings, no "no effect"
// hints, within the memory guard's budget on its backend, and paired presets differ only in their knob.
import { describe, expect, it } from 'vitest';
import { describeArchitecture } from '../../src/engine/architecture';
import { DEFAULT_BUDGET_BYTES, estimatePeakBytes } from '../../src/engine/memory-estimate';
import { codeSetup } from '../../src/codegen/code-model';
import { PRESETS, presetConfig, presetQuery, presetView } from '../../src/presets/presets';
import { decodeQuery } from '../../src/links/url-codec';
import { defaultLinkView } from '../../src/links/view-settings';
import { combinationProblems } from '../../src/shared/config-rules';
import type { RunConfig } from '../../src/shared/config';

describe('presets', () => {
  it('have unique ids and one-line texts', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      expect(p.id).toMatch(/^[a-z0-9-]+$/);
      for (const text of [p.title, p.claim, p.lookFor]) {
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/\n/);
      }
      expect(p.lookFor.length, p.id).toBeLessThan(260);
    }
  });

  it('cover the claims the gallery promises', () => {
    const ids = PRESETS.map((p) => p.id);
    for (const id of [
      'small-data-fit',
      'large-data-generator',
      'slow-io-prefetch',
      'readback-every-batch',
      'leaky-loop',
      'fit-wasm-large',
      'small-model-webgpu',
      'small-model-wasm',
      'large-model-webgpu',
      'large-model-wasm',
    ]) {
      expect(ids).toContain(id);
    }
    // The leak is a teaching toggle: only its preset turns it on.
    expect(PRESETS.filter((p) => p.config.leak).map((p) => p.id)).toEqual(['leaky-loop']);
  });

  for (const preset of PRESETS) {
    it(`${preset.id}: its link decodes cleanly to its setup, with no knob left without effect`, () => {
      const decoded = decodeQuery(`?${presetQuery(preset)}`);
      expect(decoded.warnings).toEqual([]);
      expect(decoded.config).toEqual(presetConfig(preset));
      expect(decoded.view).toEqual(presetView(preset));
      expect(decoded.page).toEqual(defaultLinkView().page);
      expect(combinationProblems(decoded.config)).toEqual([]);
    });

    it(`${preset.id}: every mode fits the memory guard's budget on its backend`, () => {
      const config = presetConfig(preset);
      const setup = codeSetup(config);
      const shape = {
        samples: setup.samples,
        features: setup.features,
        outputs: setup.outputs,
        task: setup.task,
        image: config.dataset === 'mnist' ? ([28, 28, 1] as const) : undefined,
      };
      const arch = describeArchitecture(config, shape);
      const budget = config.backend === 'auto' ? Math.min(...Object.values(DEFAULT_BUDGET_BYTES)) : DEFAULT_BUDGET_BYTES[config.backend];
      for (const mode of config.modes) expect(estimatePeakBytes(config, mode, shape, arch).total).toBeLessThan(budget);
    });
  }

  it('pairs differ only in the knob they compare', () => {
    const diff = (a: RunConfig, b: RunConfig) =>
      (Object.keys(a) as (keyof RunConfig)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
    const pairs = new Map<string, RunConfig[]>();
    for (const p of PRESETS) if (p.pair) pairs.set(p.pair, [...(pairs.get(p.pair) ?? []), presetConfig(p)]);
    expect(
      Object.fromEntries([...pairs].map(([name, configs]) => [name, configs.length === 2 ? diff(configs[0], configs[1]) : configs.length])),
    ).toEqual({
      'slow-io': ['prefetch'],
      'fit-wasm': ['epochs', 'samples'],
      'small-model': ['backend'],
      'large-model': ['backend'],
      'wasm-kernels': ['kernels'],
    });
  });
});

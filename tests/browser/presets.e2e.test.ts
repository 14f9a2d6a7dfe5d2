// Runs in Node, driving Debian's Chromium: every preset link opens the app with its setup on the form and in
// the address bar, with no notice about the link; the gallery's links are the presets' links. Nothing is run:
// presets are demos sized for a person, not for a test.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './use-app';
import { PRESETS, presetConfig, presetQuery } from '../../src/presets/presets';
import { encodeQuery } from '../../src/links/url-codec';
import { FIELD_TABLE, type RunConfig } from '../../src/shared/config';
import { chromiumAvailable, expectCleanLog } from './harness';

const available = chromiumAvailable();

/** What the settings form shows for each URL key, read from the controls (`name` = the key). */
function formValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('form input[name], form select[name]'))) {
      if (el instanceof HTMLInputElement && el.type === 'checkbox') {
        if (el.name === 'modes') out.modes = [out.modes, el.checked ? el.value : ''].filter(Boolean).join(',');
        else out[el.name] = el.checked ? '1' : '0';
      } else out[el.name] = el.value;
    }
    return out;
  });
}

/** The same, expected from a config (the form shows lists comma-separated, booleans as ticks). */
function expectedValues(config: RunConfig): Record<string, string> {
  return Object.fromEntries(
    FIELD_TABLE.map((spec) => {
      const value = config[spec.name];
      return [spec.key, typeof value === 'boolean' ? (value ? '1' : '0') : Array.isArray(value) ? value.join(',') : String(value)];
    }),
  );
}

describe.skipIf(!available)('preset links in Chromium', { timeout: 180_000 }, () => {
  const app = useApp();

  it('each preset link applies its setup: form, address bar, no link notice, marked current in the gallery', async () => {
    const { page, log } = await app().open('/', { webgpu: false });
    // The gallery (loaded in its own chunk) lists every preset, each a link to its canonical query.
    await page.waitForSelector('[data-testid="preset-gallery"] a');
    const hrefs = await page.locator('[data-testid="preset-gallery"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(PRESETS.map((p) => `?${presetQuery(p)}`));
    for (const preset of PRESETS) {
      await page.goto(`${app().baseUrl}/?${presetQuery(preset)}`);
      await page.waitForSelector('[data-testid="preset-gallery"]');
      expect(await formValues(page), preset.id).toEqual(expectedValues(presetConfig(preset)));
      expect(await page.evaluate(() => window.location.search)).toBe(`?${presetQuery(preset)}`);
      expect(await page.locator('[data-testid="notice"] [data-kind="warning"]').count(), preset.id).toBe(0);
      expect(await page.locator('[data-testid="preset-gallery"] a[aria-current="page"]').getAttribute('href')).toBe(
        `?${presetQuery(preset)}`,
      );
      expect(await page.locator('[data-testid="run-status"]').getAttribute('data-phase')).toBe('idle');
    }
    // Following a gallery link is a plain navigation to the preset.
    const leak = PRESETS.find((p) => p.id === 'leaky-loop')!;
    await page.locator(`[data-preset="${leak.id}"] a`).click();
    await page.waitForURL((url) => url.search === `?${presetQuery(leak)}`);
    expect(await page.locator('#field-leak').isChecked()).toBe(true);
    expectCleanLog(log);
    await page.close();
  });

  it('a link the decoder had to repair gets one notice listing every change', async () => {
    const { page, log } = await app().open('/?v=7&samples=99999999&modes=nope&x=sideways&colour=red', { webgpu: false });
    const warnings = page.locator('[data-testid="notice"] [data-kind="warning"]');
    await warnings.first().waitFor();
    expect(await warnings.count()).toBe(1);
    const text = (await warnings.textContent()) ?? '';
    expect(text).toMatch(/^The link was read with 5 changes: /);
    for (const word of ['v=7', 'samples', 'modes', 'sideways', '"colour"']) expect(text).toContain(word);
    expect(await page.locator('#field-samples').inputValue()).toBe('1000000');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('the code view shows the TF.js and Keras code of the setup on the form, for the chosen mode', async () => {
    const preset = PRESETS.find((p) => p.id === 'slow-io-prefetch')!;
    const { page, log } = await app().open(`/?${presetQuery(preset)}`, { webgpu: false });
    const code = page.locator('[data-testid="code-text"]');
    expect(await code.textContent()).toContain(`// fitscope setup ?${encodeQuery(presetConfig(preset))}`);
    expect(await code.textContent()).toContain('await model.fit(xs, ys, {');
    await page.locator('[data-testid="code-mode"]').selectOption('fitDataset');
    expect(await code.textContent()).toContain('.prefetch(4)');
    await page.getByRole('button', { name: 'Keras (Python)' }).click();
    expect(await code.getAttribute('data-language')).toBe('keras');
    expect(await code.textContent()).toContain('history = model.fit(dataset, epochs=EPOCHS)');
    // The code follows edits on the form.
    await page.locator('#field-epochs').fill('7');
    await expect.poll(() => code.textContent()).toContain('BATCH, EPOCHS, SEED = 128, 7, 42');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('the leak preset, shrunk to a few batches, shows the leak in the summary', async () => {
    const leak = PRESETS.find((p) => p.id === 'leaky-loop')!;
    const query = encodeQuery({ ...presetConfig(leak), samples: 64, epochs: 1, backend: 'cpu' }, { page: { autorun: true } });
    const { page, log } = await app().open(`/?${query}`, { webgpu: false });
    await page.waitForSelector('[data-testid="run-status"][data-phase="done"]', { timeout: 60_000 });
    // 4 batches of loop: 4 loss tensors kept; trainOnBatch leaks none.
    const leaked = await page
      .locator('[data-testid="summary-table"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((tr) => [tr.getAttribute('data-mode'), tr.querySelector('td[data-col="leakedTensors"]')?.textContent ?? null]),
      );
    expect(leaked).toEqual([
      ['trainOnBatch', '0'],
      ['loop', '4'],
    ]);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

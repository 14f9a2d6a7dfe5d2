// In Chromium, at the limits: the link that used to kill the worker (a million samples of 1,024 features)
// refuses fit with its numbers and trains fitDataset; corners of the ranges on wasm and WebGPU end in a result
// or a refusal, never a dead worker or a watchdog wait.
import { describe, expect, it } from 'vitest';
import { noticeText, waitForBatches, waitForRunEnd } from './run-actions';
import { useApp } from './use-app';
import { chromiumAvailable } from './harness';

const available = chromiumAvailable();
const refusal = (page: import('playwright-core').Page, mode: string) =>
  page.locator(`[data-testid="summary-table"] tr[data-mode="${mode}"] [data-testid="refused-message"]`).textContent({ timeout: 120_000 });

describe.skipIf(!available)('no setting crashes the worker', { timeout: 300_000 }, () => {
  const app = useApp();

  it('refuses fit on 1,000,000 × 1,024 with what it would need and the limit, and trains fitDataset', async () => {
    const { page, log } = await app().open('/?modes=fit,fitDataset&samples=1000000&features=1024&batch=64&epochs=1&backend=wasm&autorun=1');
    expect(await refusal(page, 'fit')).toMatch(
      /fit refused: it would hold the 1,000,000 × 1,024 data set .* over a browser worker's ArrayBuffer limit of 2\.00 GB/,
    );
    // fitDataset streams: its batches arrive (the generator computes each sample).
    await waitForBatches(page, 3, 180_000);
    await page.getByRole('button', { name: /^Stop/ }).first().click();
    const phase = await waitForRunEnd(page, { timeout: 120_000 });
    expect(phase, await noticeText(page)).toBe('done');
    expect(await noticeText(page)).not.toMatch(/stopped responding|failed/);
    expect(log.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await page.close();
  });

  it.each(['wasm', 'webgpu'])('on %s, the largest model and batch are refused with numbers, not crashed on', async (backend) => {
    const { page } = await app().open(
      `/?modes=fit,loop&samples=4096&features=32&batch=65536&hidden=4096,4096,4096,4096,4096,4096,4096,4096&epochs=1&backend=${backend}&autorun=1`,
    );
    expect(await waitForRunEnd(page, { timeout: 120_000 })).toBe('done');
    for (const mode of ['fit', 'loop'])
      expect(await refusal(page, mode)).toMatch(new RegExp(`^Not run: ${mode} refused: .*(GB|MB).*(budget|limit)`));
    expect(await noticeText(page)).not.toMatch(/stopped responding/);
    await page.close();
  });
});

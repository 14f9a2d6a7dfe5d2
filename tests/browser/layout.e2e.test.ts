// In Chromium: the answer first and the table within reach. After a run the verdict lines sit above the charts,
// and the summary table fits a 1280 px window without scrolling sideways; at 320 px it scrolls inside its card
// while the page itself does not.
import { describe, expect, it } from 'vitest';
import { waitForRunEnd } from './run-actions';
import { useApp } from './use-app';
import { chromiumAvailable } from './harness';

const available = chromiumAvailable();
const TINY = 'backend=wasm&samples=256&batch=32&epochs=1&hidden=8&features=4&repeats=2';

describe.skipIf(!available)('the results page layout', { timeout: 240_000 }, () => {
  const app = useApp();

  it('puts the verdicts above the charts and fits the summary table in 1280 px', async () => {
    const { page } = await app().open(`/?${TINY}&autorun=1`);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await waitForRunEnd(page)).toBe('done');
    await page.waitForSelector('[data-testid="insights"] [data-kind="time"]');
    const top = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(await top('[data-testid="insights"]')).toBeLessThan(await top('[data-panel="loss"]'));
    const widths = await page.locator('.table-scroll').evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      cols: Array.from(el.querySelectorAll('thead th')).map(
        (th) => `${th.getAttribute('data-col')}:${Math.round(th.getBoundingClientRect().width)}`,
      ),
      cells: Array.from(el.querySelectorAll('tbody tr:first-child td')).map((td) => td.textContent),
    }));
    expect(widths.scroll, JSON.stringify(widths)).toBeLessThanOrEqual(widths.client + 1);
    await page.close();
  });

  it('at 320 px the table scrolls inside its card and the page does not', async () => {
    const { page } = await app().open(`/?${TINY}&autorun=1`);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await waitForRunEnd(page)).toBe('done');
    await page.waitForSelector('[data-testid="summary-table"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.close();
  });
});

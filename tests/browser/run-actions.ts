// Starting a run from a test and waiting for its end, without racing the page. A run's start re-renders the
// page as a React transition, so for a moment after the Run click the status still shows the previous
// run's end: waiting for "done" straight after the click could see that old "done". Each run gets a higher
// id, so the click counts as started once a run item with a higher id than any before is on the page.
import type { Locator, Page } from 'playwright-core';

const newestRunId = (page: Page): Promise<number> =>
  page.locator('[data-testid="run-item"]').evaluateAll((items) => Math.max(0, ...items.map((i) => Number(i.getAttribute('data-run')) || 0)));

/** Clicks Run (or `button`) and waits until the page shows the run it started; returns that run's id. */
export async function startRun(page: Page, button?: Locator, timeout = 30_000): Promise<number> {
  const before = await newestRunId(page);
  await (button ?? page.getByRole('button', { name: /^Run/ }).first()).click();
  await page.waitForFunction(
    (prev) => Array.from(document.querySelectorAll('[data-testid="run-item"]')).some((i) => Number(i.getAttribute('data-run')) > prev),
    before,
    { timeout },
  );
  return newestRunId(page);
}

/** Waits until the latest run has ended; returns its phase ('done' or 'failed'). */
export async function waitForRunEnd(page: Page, timeout = 120_000): Promise<string> {
  const status = page.locator('[data-testid="run-status"]');
  await page.waitForSelector('[data-testid="run-status"][data-phase="done"], [data-testid="run-status"][data-phase="failed"]', { timeout });
  return (await status.getAttribute('data-phase')) ?? '';
}

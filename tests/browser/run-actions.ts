// Starting a run from a test and waiting for its end, without racing the page. A run's start re-renders the
// page as a React transition, so for a moment after the Run click the status still shows the previous
// run's end: waiting for "done" straight after the click could see that old "done". Each run gets a higher
// id, so the click counts as started once a run item with a higher id than any before is on the page, and
// its end is read from that run's own item.
// The functions given to the page stay anonymous and inline: scripts run this file through tsx, whose name
// helpers (__name) do not exist in the page.
import type { Locator, Page } from 'playwright-core';

/** The highest run id on the page (0 when it shows no run). */
export const newestRunId = (page: Page): Promise<number> =>
  page
    .locator('[data-testid="run-item"]')
    .evaluateAll((items) => Math.max(0, ...items.map((i) => Number(i.getAttribute('data-run')) || 0)));

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

export interface RunEndOptions {
  /** The run to wait for (startRun's id). Without it, the status line's phase: only for a page whose first
   *  run started from idle (autorun), where no earlier run's end can show. */
  runId?: number;
  timeout?: number;
}

/** Waits until the run (the given one, else the latest) has ended; returns its phase ('done' or 'failed'). */
export async function waitForRunEnd(page: Page, options: RunEndOptions = {}): Promise<string> {
  const { runId, timeout = 120_000 } = options;
  const target = runId === undefined ? '[data-testid="run-status"]' : `[data-testid="run-item"][data-run="${runId}"]`;
  await page.waitForSelector(`${target}[data-phase="done"], ${target}[data-phase="failed"]`, { timeout });
  return (await page.locator(target).getAttribute('data-phase')) ?? '';
}

/** The notice's text ('' when it says nothing). */
export async function noticeText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="notice"]').textContent()) ?? '';
}

/** Waits until the status line counts at least `n` batches of the latest run (it shows a count from the first). */
export async function waitForBatches(page: Page, n: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (min) =>
      Number(
        /([\d,]+) batches/.exec(document.querySelector('[data-testid="run-status"]')?.textContent ?? '')?.[1].replace(/,/g, '') ?? 0,
      ) >= min,
    n,
    { timeout },
  );
}

/**
 * Deletes the runs the page keeps across reloads, so that the next navigation starts with none (a link that
 * autoruns then shows only its own run). The page's own store closes its connection when asked.
 */
export async function clearKeptRuns(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const request = indexedDB.deleteDatabase('fitscope');
        request.onsuccess = request.onerror = request.onblocked = () => done();
      }),
  );
}

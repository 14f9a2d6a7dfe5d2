// Runs in Node, driving Debian's Chromium: the built app end to end, training in its worker on WebGPU
// (SwiftShader), wasm and cpu. Configs are tiny: WebGPU on SwiftShader takes ~50–90 ms a step.
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noticeText, waitForBatches, waitForRunEnd } from './run-actions';
import { useApp } from './use-app';
import { DEFAULT_CONFIG, MODE_NAMES } from '../../src/shared/config';
import { linearTicks } from '../../src/ui/chart-data/axis-ticks';
import { formatCompact } from '../../src/ui/charts/axis';
import { formatMs } from '../../src/ui/format';
import { chromiumAvailable, CHROMIUM_PATH, expectCleanLog, type PageLog } from './harness';

const RUN_TIMEOUT = 120_000;
const available = chromiumAvailable();
if (!available)
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set FITSCOPE_CHROMIUM).`);

/** expectCleanLog, and the log did record the page's requests (so "none went elsewhere" says something). */
function expectCleanPage(log: PageLog): void {
  expect(log.requests.length).toBeGreaterThan(0);
  expectCleanLog(log);
}

/** The `d` of every drawn trace line in a chart, with its number of segments. */
async function linePaths(page: Page, chart: string): Promise<{ key: string; d: string; segments: number }[]> {
  const lines = await page
    .locator(`[data-testid="${chart}-chart"] g.trace-line`)
    .evaluateAll((els) => els.map((e) => ({ key: e.getAttribute('data-key') ?? '', d: e.querySelector('path')?.getAttribute('d') ?? '' })));
  return lines.map((l) => ({ ...l, segments: (l.d.match(/L/g) ?? []).length }));
}

/** The label of the last tick on a chart's x axis. */
async function lastXTick(page: Page, chart: string): Promise<string> {
  return (await page.locator(`[data-testid="${chart}-chart"] text[data-axis="x"]`).last().textContent()) ?? '';
}

/** Waits until the run store's publishes have drawn `count` lines with points in a chart. */
async function waitForLines(page: Page, chart: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([id, n]) =>
      Array.from(document.querySelectorAll(`[data-testid="${id}-chart"] g.trace-line path`)).filter((p) =>
        (p.getAttribute('d') ?? '').includes('L'),
      ).length >= n,
    [chart, count] as const,
    { timeout: 10_000 },
  );
}

/** Clicks a download button and returns the file's text (or bytes). */
async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testId}"]`).click()]);
  return readFile((await file.path())!);
}

/** Serious and critical axe-core violations, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

const cell = (page: Page, mode: string, col: string) =>
  page.locator(`[data-testid="summary-table"] tr[data-mode="${mode}"] td[data-col="${col}"]`).textContent();

describe.skipIf(!available)('fitscope in Chromium', { timeout: 240_000 }, () => {
  const app = useApp();

  it('trains every mode on WebGPU in the worker and shows badge, charts and summary', async () => {
    const { page, log } = await app().open('/?backend=webgpu&samples=64&batch=16&epochs=1&hidden=8&features=4&autorun=1');
    const phase = await waitForRunEnd(page);
    expect(phase, await noticeText(page)).toBe('done');

    const badge = page.locator('[data-testid="backend-badge"]');
    expect(await badge.getAttribute('data-backend')).toBe('webgpu');
    expect(await badge.textContent()).toMatch(/webgpu/);

    const rows = page.locator('[data-testid="summary-table"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-mode')))).toEqual([...MODE_NAMES]);
    // The backend that ran, under each mode's name.
    expect(await page.locator('[data-testid="summary-table"] tbody tr:first-child th .cell-detail').textContent()).toMatch(/^ ?webgpu · /);

    // 4 batches per mode: every mode drew its loss (raw and smoothed) through all of them.
    await waitForLines(page, 'loss', 8);
    const loss = await linePaths(page, 'loss');
    expect(loss).toHaveLength(8);
    for (const line of loss) expect(line.segments, line.d).toBeGreaterThanOrEqual(3);
    await waitForLines(page, 'memory', 4);
    // Per mode: the in-step peak (the line), the batch-end reading (faint) and, on webgpu, the GPU pool (pale).
    const memoryKinds = (await linePaths(page, 'memory')).map((l) => l.key.split(':').at(-1));
    for (const kind of ['peak', 'bytes', 'pool'])
      expect(
        memoryKinds.filter((k) => k === kind),
        kind,
      ).toHaveLength(4);

    // Every batch reached the page (reconciled with the result's count).
    expect(await page.locator('[data-testid="run-status"]').textContent()).toMatch(/16 batches/);
    expect(await page.locator('[data-testid="notice"] [data-kind="error"]').count()).toBe(0);
    expectCleanPage(log);
    await page.close();
  });

  it('runs on wasm from the bundled .wasm files', async () => {
    const { page, log } = await app().open('/?backend=wasm&samples=256&batch=32&epochs=1&hidden=8&features=4&modes=fit,loop&autorun=1');
    expect(await waitForRunEnd(page), await noticeText(page)).toBe('done');
    expect(await page.locator('[data-testid="backend-badge"]').getAttribute('data-backend')).toBe('wasm');
    expect(await page.locator('[data-testid="summary-table"] tbody tr').count()).toBe(2);
    expect(log.requests.some((u) => /\.wasm$/.test(u))).toBe(true);
    expectCleanPage(log);
    await page.close();
  });

  it('stops a long run from the Stop button', async () => {
    const { page, log } = await app().open('/?backend=cpu&samples=1000000&batch=8&epochs=5&hidden=8&features=4&modes=loop&autorun=1');
    await waitForBatches(page, 1, RUN_TIMEOUT);
    // While it streams, the x axis already spans the plan (125,000 batches × 5 epochs): drawn once, not grown.
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="loss-chart"]')?.getAttribute('data-points')) > 0,
      undefined,
      { timeout: RUN_TIMEOUT },
    );
    const planned = formatCompact(linearTicks(0, 625_000, 5, true).domain[1]);
    expect(await lastXTick(page, 'loss')).toBe(planned);
    // A pointer moving over a chart (the readout follows every move) must not hold up the streaming results:
    // pointer moves every 2 ms, from inside the page, and the batch count and the lines must still advance (within
    // 10 s: a loaded machine may take a while between two published snapshots, but they must come).
    const [before, after, lineBefore, lineAfter] = await page.evaluate(async () => {
      const line = () => document.querySelector('[data-testid="loss-chart"] g.trace-line:last-child path')?.getAttribute('d') ?? '';
      const firstLine = line();
      const plot = document.querySelector('[data-testid="loss-chart"] .chart-plot')!;
      const box = plot.getBoundingClientRect();
      const count = () =>
        Number(
          /([\d,]+) batches/.exec(document.querySelector('[data-testid="run-status"]')?.textContent ?? '')?.[1].replace(/,/g, '') ?? NaN,
        );
      const first = count();
      let i = 0;
      const mover = setInterval(() => {
        const clientX = box.left + box.width * (0.2 + 0.6 * ((i++ % 25) / 25));
        plot.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX, clientY: box.top + box.height / 2 }));
      }, 2);
      const started = performance.now();
      do await new Promise((done) => setTimeout(done, 500));
      while ((count() <= first || line() === firstLine) && performance.now() - started < 10_000);
      const last = count();
      const lastLine = line();
      clearInterval(mover);
      return [first, last, firstLine, lastLine] as const;
    });
    expect(after).toBeGreaterThan(before);
    expect(lineAfter).not.toBe(lineBefore);
    expect(await page.getByTestId('hover-readout').count()).toBe(1);
    // Before the mode's summary, Time per batch shows the live median of the batches so far, and says so.
    await page.waitForFunction(
      () => /median \(live\)/.test(document.querySelector('[data-testid="time-split-chart"] .split-values li')?.textContent ?? ''),
      undefined,
      { timeout: RUN_TIMEOUT },
    );
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(await waitForRunEnd(page), await noticeText(page)).toBe('done');
    // Stopped: the axis fits the batches that ran.
    await page.waitForFunction(
      (p) => {
        const ticks = document.querySelectorAll('[data-testid="loss-chart"] text[data-axis="x"]');
        return ticks.length > 0 && ticks[ticks.length - 1].textContent !== p;
      },
      planned,
      { timeout: RUN_TIMEOUT },
    );
    expect(await noticeText(page)).toMatch(
      /Stopped on request after [\d,]+ batches: loop stopped after batch [\d,]+ of [\d,]+\. The run ended [\d.,]+ m?s after Stop\./,
    );
    expect(await page.locator('[data-testid="run-item"]').getAttribute('data-phase')).toBe('done');
    expect(await page.locator('[data-testid="run-progress-text"]').textContent()).toMatch(/^stopped: /);
    expect(await page.locator('[data-testid="summary-table"] tbody tr').count()).toBe(1);
    expectCleanPage(log);
    await page.close();
  });

  it('explains why WebGPU is unusable and falls back under auto', async () => {
    // Chromium here offers WebGPU only with --enable-unsafe-webgpu: without it requestAdapter() gives null.
    const { page, log } = await app().open('/?samples=64&batch=16&epochs=1&hidden=8&features=4&modes=loop&autorun=1', { webgpu: false });
    expect(await waitForRunEnd(page), await noticeText(page)).toBe('done');
    const badge = page.locator('[data-testid="backend-badge"]');
    expect(await badge.getAttribute('data-backend')).not.toBe('webgpu');
    expect(await badge.textContent()).toMatch(/webgpu: (no WebGPU adapter|navigator\.gpu missing)/);
    expectCleanPage(log);
    await page.close();
  });

  it('repairs a bad link: names the field in the notice and keeps the defaults', async () => {
    const { page, log } = await app().open('/?samples=banana&modes=nope');
    const notice = page.locator('[data-testid="notice"]');
    await notice.waitFor({ state: 'visible' });
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/samples/);
    expect(text).toMatch(/banana/);
    expect(text).toMatch(/modes/);
    expect(await page.getByLabel('Samples', { exact: true }).inputValue()).toBe(String(DEFAULT_CONFIG.samples));
    for (const mode of MODE_NAMES) expect(await page.getByRole('checkbox', { name: mode, exact: true }).isChecked()).toBe(true);
    // Nothing ran, and the address bar still shows what the user gave until they edit.
    expect(await page.locator('[data-testid="run-status"]').getAttribute('data-phase')).toBe('idle');
    await page.getByLabel('Samples', { exact: true }).fill('512');
    await expect.poll(() => page.evaluate(() => window.location.search)).toBe('?v=1&samples=512');
    expectCleanPage(log);
    await page.close();
  });

  it('says when a setting has no effect with the chosen modes', async () => {
    const { page, log } = await app().open('/?modes=loop&shuffle=1');
    const notice = page.locator('[data-testid="notice"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toMatch(/No effect: shuffle applies to fit only/);
    // Ticking fit makes the hint go away.
    await page.getByRole('checkbox', { name: 'fit', exact: true }).check();
    await expect.poll(() => notice.isVisible()).toBe(false);
    expectCleanPage(log);
    await page.close();
  });

  it('compares runs: charts, table, insights and exports hold the run numbers; keyboard hover; no serious axe findings', async () => {
    const { page, log } = await app().open(
      '/?backend=wasm&samples=256&batch=32&epochs=1&hidden=8&features=4&modes=fit,fitDataset,loop&autorun=1',
    );
    expect(await waitForRunEnd(page), await noticeText(page)).toBe('done');
    // 256 / 32 = 8 batches per mode.
    expect(await page.locator('[data-testid="run-status"]').textContent()).toMatch(/24 batches/);
    expect(await page.locator('[data-testid="run-progress-text"]').textContent()).toMatch(/^done: 24 of 24 batches/);
    await waitForLines(page, 'loss', 6);
    await waitForLines(page, 'speed', 3);
    await waitForLines(page, 'tensors', 3);
    // Time per batch shows the table's median (the steady-state one, not a mean), with its spread and warm-up.
    const medians = page.locator('[data-testid="time-split-chart"] .split-values li');
    expect(await medians.count()).toBe(3);
    for (const li of await medians.all()) {
      const mode = (await li.getAttribute('data-mode')) ?? '';
      expect(await li.getAttribute('data-live')).toBe('false');
      expect(await cell(page, mode, 'msPerBatchMedian')).toContain(formatMs(Number(await li.getAttribute('data-median-ms'))));
      expect(await li.textContent()).toMatch(/warm-up batch(es)? left out of 8/);
    }
    expect(await page.locator('[data-testid="batch-time-distribution"] [data-testid="box-plot"]').count()).toBe(3);
    expect(await page.locator('[data-testid="summary-table"] tbody tr').count()).toBe(3);
    expect(await page.locator('[data-testid="page-heap"]').textContent()).toMatch(/used of/);
    // The memory axis labels its ticks in one unit, round numbers of it (not "204.8 kB" beside "1 MB").
    const memoryTicks = await page.locator('[data-testid="memory-chart"] text[data-axis="y"]').allTextContents();
    expect(memoryTicks.length).toBeGreaterThan(2);
    expect(new Set(memoryTicks.slice(1).map((t) => t.split(' ')[1])).size).toBe(1);
    for (const t of memoryTicks) expect(t).toMatch(/^[\d,]+(\.\d+)? (B|kB|MB|GB)$/);

    // The answer first: every mode's time per batch is the table's own median, then a verdict for each mode
    // against the loop (the engine compares every mode with the loop when the loop ran).
    const insights = page.locator('[data-testid="insights"] li');
    const kinds = await insights.evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    const time = (await page.locator('[data-testid="insights"] [data-kind="time"]').textContent()) ?? '';
    for (const mode of ['fit', 'fitDataset', 'loop']) expect(time).toContain(`${mode} ${await cell(page, mode, 'msPerBatchMedian')}`);
    expect(kinds).toEqual(expect.arrayContaining(['verdict-fit-loop', 'verdict-fitDataset-loop']));
    // The time line comes before its verdicts (warnings such as the noise meter may precede both).
    expect(kinds.indexOf('time')).toBeLessThan(kinds.indexOf('verdict-fit-loop'));
    for (const mode of ['fit', 'fitDataset'])
      expect(await page.locator(`[data-testid="insights"] [data-kind="verdict-${mode}-loop"]`).textContent()).toMatch(
        new RegExp(`\\b${mode}\\b`),
      );

    // Exports: one CSV row per batch, one summary row per mode, JSON with the same counts, PNG per chart.
    const csv = (await download(page, 'export-batches-csv')).toString('utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 24);
    const modeCol = csv[0].split(',').indexOf('mode');
    expect(csv.slice(1).filter((l) => l.split(',')[modeCol] === 'fitDataset')).toHaveLength(8);
    expect((await download(page, 'export-summary-csv')).toString('utf8').trim().split('\n')).toHaveLength(1 + 3);
    const json = JSON.parse((await download(page, 'export-json')).toString('utf8'));
    expect(json.runs[0].batchCount).toBe(24);
    expect(json.runs[0].summaries.map((x: { mode: string }) => x.mode)).toEqual(['fit', 'fitDataset', 'loop']);
    expect(json.runs[0].config.batchSize).toBe(32);
    const png = await download(page, 'png-loss');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    // Keyboard: the chart takes focus and End reads every trace at the last batch.
    await page.locator('[data-testid="loss-chart"] .chart-plot').focus();
    await page.keyboard.press('End');
    const readout = page.locator('[data-testid="loss-chart"] [data-testid="hover-readout"]');
    // The readout renders as a transition: wait for it rather than read it once.
    await expect.poll(() => readout.textContent()).toMatch(/^batch 8/);
    expect(await readout.locator('li').count()).toBe(3);
    await page.getByRole('radio', { name: 'Wall time' }).check();
    await page.locator('[data-testid="loss-chart"] .chart-plot').focus();
    await page.keyboard.press('End');
    await expect.poll(() => readout.textContent()).toMatch(/^time [\d.]+ s/);

    expect(await axeProblems(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeProblems(page)).toEqual([]);

    // A second run joins the first on the charts and in the table; Remove and Reset take them off.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-item"][data-phase="done"]').length === 2, undefined, {
      timeout: RUN_TIMEOUT,
    });
    expect(await page.locator('[data-testid="summary-table"] tbody tr').count()).toBe(6);
    await waitForLines(page, 'loss', 12);
    expect(await page.locator('[data-testid="loss-chart"] .legend').textContent()).toMatch(/\(run 2\)/);
    // Remove and Reset render as deferred updates: wait for the page to show them.
    await page.getByRole('button', { name: 'Remove run 1 from the charts and table' }).click();
    await expect.poll(() => page.locator('[data-testid="summary-table"] tbody tr').count()).toBe(3);
    await page.locator('[data-testid="reset"]').click();
    await expect.poll(() => page.locator('[data-testid="run-item"]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="summary-table"]').count()).toBe(0);
    expectCleanPage(log);
    await page.close();
  });

  it("shows the generator's in-step memory peak in megabytes at 200,000 computed samples", async () => {
    const { page, log } = await app().open('/?modes=fitDataset&samples=200000&source=compute&batch=1000&epochs=1&backend=wasm&autorun=1');
    expect(await waitForRunEnd(page, { timeout: RUN_TIMEOUT }), await noticeText(page)).toBe('done');
    await waitForLines(page, 'memory', 1);
    // The axis is in MB, one unit for every tick.
    const ticks = await page.locator('[data-testid="memory-chart"] text[data-axis="y"]').allTextContents();
    expect(ticks.at(-1)).toMatch(/^[\d.]+ MB$/);
    // The readout at the last batch: the in-step peak (the line) in MB, above the batch-end reading beside it.
    await page.locator('[data-testid="memory-chart"] .chart-plot').focus();
    await page.keyboard.press('End');
    const items = page.locator('[data-testid="memory-chart"] [data-testid="hover-readout"] li');
    // The readout renders as a transition after the key press: wait for it.
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    const texts = await items.allTextContents();
    const peak = texts.find((t) => !/batch end/.test(t)) ?? '';
    const batchEnd = texts.find((t) => /batch end/.test(t)) ?? '';
    expect(peak).toMatch(/fitDataset.*[\d.]+ MB/);
    const bytes = (text: string) => {
      const [, value, unit] = /([\d.,]+) (B|kB|MB|GB)(?!.*(B|kB|MB|GB))/.exec(text) ?? [];
      return Number(value.replace(/,/g, '')) * 1024 ** ['B', 'kB', 'MB', 'GB'].indexOf(unit);
    };
    expect(bytes(peak)).toBeGreaterThan(bytes(batchEnd));
    expectCleanPage(log);
    await page.close();
  });

  it('describes the data set, bounds the size control by it, and shows accuracy for classification', async () => {
    const { page, log } = await app().open('/?backend=wasm&dataset=iris&batch=16&epochs=2&hidden=8&modes=fit,loop&autorun=1');
    const about = page.locator('[data-testid="about-data"]');
    expect(await about.textContent()).toMatch(/Iris.*Licence.*MIT/);
    expect(await page.getByLabel('Samples', { exact: true }).inputValue()).toBe('90');
    expect(await waitForRunEnd(page), await noticeText(page)).toBe('done');
    await waitForLines(page, 'val-accuracy', 2);
    // Accuracy is detail: the table shows it under "All columns" only.
    expect(await page.locator('[data-testid="summary-table"] td[data-col="testAccuracy"]').count()).toBe(0);
    await page.getByTestId('all-columns').check();
    const accuracy = (await cell(page, 'fit', 'testAccuracy')) ?? '';
    expect(accuracy).toMatch(/^\d+(\.\d)? %$/);
    expect(await cell(page, 'loop', 'valAccuracy')).toMatch(/ %$/);
    // Choosing MNIST moves the size control's range and the panel.
    await page.getByLabel('Data set', { exact: true }).selectOption('mnist');
    expect(await about.textContent()).toMatch(/MNIST digits.*CC BY-SA 3\.0.*LeCun/);
    expect(await page.locator('#field-samples-help').textContent()).toMatch(/1000–60000/);
    expectCleanPage(log);
    await page.close();
  });
});

// Runs in Node. Time per batch as the Speed panel shows it: the summary table's median once a mode has a
// summary, the live steady-state median before, never a mean; the distribution and the warm-up count with it.
import { describe, expect, it } from 'vitest';
import { packMetrics } from '../../src/shared/metric-chunk';
import { steadyStats } from '../../src/shared/stats';
import { batchTimeRows } from '../../src/ui/chart-data/batch-time-rows';
import { RunBook } from '../../src/ui/chart-data/run-book';
import { describeRow } from '../../src/ui/charts/TimeSplitChart';
import { distributionAxis } from '../../src/ui/charts/BatchTimeDistribution';
import { config, metrics, summary } from './fixtures';

/** 200 batches: a slow first one, then 1–2 ms, and one stall of a second. */
const TIMES = Array.from({ length: 200 }, (_, i) => (i === 0 ? 40 : i === 150 ? 1000 : 1 + (i % 5) / 4));

function liveRun() {
  const book = new RunBook();
  const run = book.add(config({ modes: ['fitDataset', 'loop'] }), 0);
  book.append(run, packMetrics(metrics('fitDataset', TIMES.length, 100, 32, (i) => ({ ms: TIMES[i] }))));
  return { book, run };
}

describe('batch time rows', () => {
  it('show the live steady-state median before the summary, without the warm-up, and not the mean', () => {
    const { book } = liveRun();
    const [row] = batchTimeRows(book.runs);
    const expected = steadyStats(TIMES);
    expect(row.live).toBe(true);
    expect(row.medianMs).toBe(expected.median);
    expect(row.warmupBatches).toBe(expected.warmup);
    expect(row.steadyBatches).toBe(TIMES.length - expected.warmup);
    // The stall moves the mean far above every ordinary batch; the median stays among them.
    expect(expected.mean).toBeGreaterThan(5);
    expect(row.medianMs).toBeLessThan(2);
    expect(row.box!.p95).toBeLessThan(1000);
    expect(row.histogram!.counts.reduce((a, b) => a + b, 0)).toBe(row.steadyBatches);
    expect(describeRow(row)).toMatch(/median \(live\)/);
    expect(describeRow(row)).toMatch(/1 warm-up batch left out of 200/);
  });

  it("show the summary's median once the mode has one, with its box and warm-up count", () => {
    const { book, run } = liveRun();
    const box = { p5: 0.9, p25: 1, p50: 1.2, p75: 1.4, p95: 3 };
    run.addSummary(summary('fitDataset', { msPerBatchMedian: 1.2, warmupBatches: 7, steadyBatches: 193, msBox: box, dataMsMedian: 0.3 }));
    const [row] = batchTimeRows(book.runs);
    expect(row).toMatchObject({ live: false, medianMs: 1.2, dataMs: 0.3, warmupBatches: 7, box });
    expect(describeRow(row)).toBe('1.2 ms median · 0.3 ms waiting for data · p5–p95 0.9 ms–3 ms · 7 warm-up batches left out of 200');
  });

  it('leave out modes without batches or refused, and put every row on one log axis', () => {
    const { book, run } = liveRun();
    expect(batchTimeRows(book.runs).map((r) => r.mode)).toEqual(['fitDataset']);
    run.addSummary(summary('loop', { refused: 'over budget', msPerBatchMedian: NaN }));
    expect(batchTimeRows(book.runs).map((r) => r.mode)).toEqual(['fitDataset']);
    const axis = distributionAxis(batchTimeRows(book.runs))!;
    expect(axis.domain[0]).toBeLessThanOrEqual(1);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(2);
  });

  it('read the repeat streaming now for a live row', () => {
    const book = new RunBook();
    const run = book.add(config({ modes: ['loop'], repeats: 2 }), 0);
    book.append(run, packMetrics(metrics('loop', 20, 20, 32, () => ({ repeat: 0, ms: 5 }))));
    book.append(run, packMetrics(metrics('loop', 20, 20, 32, () => ({ repeat: 1, ms: 2 }))));
    expect(batchTimeRows(book.runs)[0].medianMs).toBe(2);
  });
  it('keep batch times only for the trace streaming now: the one before has its summary', () => {
    const { book, run } = liveRun();
    run.addSummary(summary('fitDataset', { msPerBatchMedian: 1.2 }));
    book.append(run, packMetrics(metrics('loop', 10, 10, 32, () => ({ ms: 3 }))));
    expect(run.trace('fitDataset')!.times.count).toBe(0);
    expect(batchTimeRows(book.runs).map((r) => [r.mode, r.medianMs, r.live])).toEqual([
      ['fitDataset', 1.2, false],
      ['loop', 3, true],
    ]);
  });
});

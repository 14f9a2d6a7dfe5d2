// Runs in Node. Progress, time left and the stop message, from hand-made runs.
import { describe, expect, it } from 'vitest';
import type { ClientRunResult } from '../../src/client/trainer-client';
import { RunBook } from '../../src/ui/chart-data/run-book';
import {
  effectiveSamples,
  expectedBatches,
  formatDuration,
  furthestPlannedX,
  livePlannedX,
  plannedX,
  runProgress,
} from '../../src/ui/progress/progress-math';
import { stopMessage } from '../../src/ui/progress/stop-message';
import { config, metrics, summary } from './fixtures';
import { packMetrics } from '../../src/shared/metric-chunk';

describe('expected batches', () => {
  it("follows the engine: the set's real size, the validation split, ceil per epoch", () => {
    expect(expectedBatches(config({ samples: 4096, batchSize: 32, epochs: 2 }))).toBe(256);
    expect(expectedBatches(config({ samples: 100, batchSize: 32, epochs: 1 }))).toBe(4);
    expect(expectedBatches(config({ samples: 1000, batchSize: 10, epochs: 1, validationSplit: 0.25 }))).toBe(75);
    expect(effectiveSamples(config({ dataset: 'penguins', samples: 4096 }))).toBe(206);
    expect(effectiveSamples(config({ dataset: 'mnist', samples: 10 }))).toBe(1000);
  });

  it("does not guess a CSV file's length", () => {
    expect(expectedBatches(config({ dataset: 'csv' as never }))).toBeNull();
  });
});

describe("planned x (where a streaming chart's x axis ends)", () => {
  it('is the planned batches or samples, and unknown for wall time and CSV files', () => {
    const c = config({ samples: 1000, batchSize: 32, epochs: 3, validationSplit: 0.2 });
    expect(plannedX(c, 'batch')).toBe(Math.ceil(800 / 32) * 3);
    expect(plannedX(c, 'samples')).toBe(2400);
    expect(plannedX(c, 'time')).toBeNull();
    expect(plannedX(config({ dataset: 'csv' as never }), 'batch')).toBeNull();
  });

  it('spans every kept run, and is unknown as soon as one run cannot say', () => {
    const small = config({ samples: 320, batchSize: 32, epochs: 1 });
    const large = config({ samples: 640, batchSize: 32, epochs: 2 });
    expect(furthestPlannedX([small, large], 'batch')).toBe(40);
    expect(furthestPlannedX([small, large], 'samples')).toBe(1280);
    expect(furthestPlannedX([small, large], 'time')).toBeNaN();
    expect(furthestPlannedX([small, config({ dataset: 'csv' as never })], 'batch')).toBeNaN();
    expect(furthestPlannedX([], 'batch')).toBeNaN();
  });

  it('comes from the runs still streaming: a kept run stopped early does not stretch the next one', () => {
    const book = new RunBook();
    const stopped = book.add(config({ modes: ['loop'], samples: 100_000, batchSize: 8, epochs: 5 }), 0);
    stopped.phase = 'done';
    book.add(config({ modes: ['loop'], samples: 320, batchSize: 32, epochs: 1 }), 0);
    expect(livePlannedX(book.runs, 'batch')).toBe(10);
    expect(livePlannedX([stopped], 'batch')).toBeNaN();
  });
});

describe('runProgress', () => {
  it('tracks modes, totals and time left from the measured batch time', () => {
    const book = new RunBook();
    const run = book.add(config({ modes: ['fit', 'loop'], samples: 320, batchSize: 32, epochs: 1 }), 1000);
    book.append(run, packMetrics(metrics('fit', 10, 10, 32, () => ({ ms: 4 }))));
    run.addSummary(summary('fit', { batches: 10 }));
    book.append(run, packMetrics(metrics('loop', 4, 10, 32, () => ({ ms: 2 }))));
    const p = runProgress(run, 3000);
    expect(p.modes.map((m) => [m.mode, m.state, m.done, m.expected])).toEqual([
      ['fit', 'done', 10, 10],
      ['loop', 'running', 4, 10],
    ]);
    expect([p.done, p.expected, p.fraction]).toEqual([14, 20, 0.7]);
    expect(p.elapsedMs).toBe(2000);
    expect(p.etaMs).toBe(6 * 2);
  });

  it('has no estimate before the first batch, and none needed at the end', () => {
    const book = new RunBook();
    const run = book.add(config({ modes: ['loop'] }), 0);
    expect(runProgress(run, 10).etaMs).toBeNull();
    run.phase = 'done';
    run.endedAt = 50;
    expect(runProgress(run, 1e6)).toMatchObject({ etaMs: 0, elapsedMs: 50 });
  });

  it('shows refused modes as such', () => {
    const book = new RunBook();
    const run = book.add(config({ modes: ['fit', 'loop'] }), 0);
    run.addSummary(summary('fit', { refused: 'too big', batches: 0 }));
    expect(runProgress(run, 1).modes[0]).toEqual({ mode: 'fit', state: 'refused', done: 0, expected: 0 });
  });

  it('counts every repeat: a mode is done after its last repeat, and the streaming repeat is running', () => {
    const book = new RunBook();
    const run = book.add(config({ modes: ['fit', 'loop'], samples: 320, batchSize: 32, epochs: 1, repeats: 2 }), 0);
    const rows = (mode: 'fit' | 'loop', repeat: number, n: number) => metrics(mode, n, 10, 32, () => ({ repeat, ms: 2 }));
    // Repeat 0: fit then loop; repeat 1 (rotated): loop, then fit has started.
    book.append(run, packMetrics(rows('fit', 0, 10)));
    run.addSummary({ ...summary('fit', { batches: 10 }), repeat: 0 });
    book.append(run, packMetrics(rows('loop', 0, 10)));
    run.addSummary({ ...summary('loop', { batches: 10 }), repeat: 0 });
    book.append(run, packMetrics(rows('loop', 1, 10)));
    run.addSummary({ ...summary('loop', { batches: 10 }), repeat: 1 });
    book.append(run, packMetrics(rows('fit', 1, 3)));
    const p = runProgress(run, 1);
    expect(p.modes.map((m) => [m.mode, m.state, m.done, m.expected])).toEqual([
      ['fit', 'running', 13, 20],
      ['loop', 'done', 20, 20],
    ]);
    expect([p.done, p.expected]).toEqual([33, 40]);
    expect(p.etaMs).toBe(7 * 2);
  });

  it('formats durations', () => {
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(65_000)).toBe('1:05 min');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatDuration(NaN)).toBe('–');
  });
});

describe('stopMessage', () => {
  it('says where the run stopped, what did not run and how long the stop took', () => {
    const book = new RunBook();
    const run = book.add(config({ modes: ['fitDataset', 'loop'], samples: 4096, batchSize: 32, epochs: 2 }), 0);
    const stopped = summary('fitDataset', { batches: 123 });
    run.result = { stopped: true, totalBatches: 123, summaries: [stopped] } as unknown as ClientRunResult;
    run.stopRequestedAt = 1000;
    run.endedAt = 1012;
    expect(stopMessage(run)).toBe(
      'Stopped on request after 123 batches: fitDataset stopped after batch 123 of 256; loop did not run and has no row. The run ended 12 ms after Stop.',
    );
    run.result = { ...run.result, stopped: false };
    expect(stopMessage(run)).toBeNull();
  });
});

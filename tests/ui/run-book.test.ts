// Runs in Node. The page's runs: steps and wall time per trace, colours, removal, validation points, and the
// display series (loss, smoothing, speed, time split) and chart lines derived from them.
import { describe, expect, it } from 'vitest';
import { lossLines, memoryLines, residentMarks, validationLines } from '../../src/ui/chart-data/chart-lines';
import { legendOf } from '../../src/ui/charts/chart-types';
import { TRACE_PALETTE, pickColors } from '../../src/ui/chart-data/palette';
import { isBusy, RunBook, type RunPhase } from '../../src/ui/chart-data/run-book';
import { cachedTraceSeries, traceSeries } from '../../src/ui/chart-data/trace-series';
import { traceViews } from '../../src/ui/chart-data/trace-views';
import { config, metric, metrics, summary } from './fixtures';
import { packMetrics } from '../../src/shared/metric-chunk';

const VIEW = { xAxis: 'batch' as const, logScale: false, smoothing: 0 };

describe('RunBook', () => {
  it('counts steps and wall time per trace, one record per epoch included', () => {
    const book = new RunBook();
    const run = book.add(config({ modes: ['fit', 'loop'] }), 0);
    book.append(run, packMetrics([metric('loop', 0, 0, { ms: 2 }), metric('loop', 0, 1, { ms: 3 }), metric('loop', 1, 0, { ms: 4 })]));
    // Per-batch callbacks off: one record per epoch of 10 batches, ms the average per batch.
    book.append(run, packMetrics([metric('fit', 0, 9, { ms: 1.5, steps: 10 }), metric('fit', 1, 9, { ms: 2.5, steps: 10 })]));
    expect(run.trace('loop')!.step).toBe(3);
    expect(run.trace('loop')!.timeMs).toBe(9);
    expect(run.trace('fit')!.step).toBe(20);
    expect(run.trace('fit')!.timeMs).toBe(40);
    // Received counts training steps, not records: the page says 23 batches, as the engine counted them.
    expect(run.received).toBe(23);
    expect(run.log.count).toBe(5);
  });

  it('gives every kept trace its own colour, modes first in their own', () => {
    const book = new RunBook();
    const a = book.add(config(), 0);
    expect(a.traces.map((t) => t.color)).toEqual(TRACE_PALETTE.slice(0, 4));
    const b = book.add(config({ modes: ['fit'] }), 0);
    expect(TRACE_PALETTE.slice(0, 4)).not.toContain(b.traces[0].color);
    expect(pickColors(['loop'], new Set())).toEqual([TRACE_PALETTE[3]]);
  });

  it('removes finished runs only, and tells listeners of every change', () => {
    const book = new RunBook();
    let changes = 0;
    book.subscribe(() => changes++);
    const done = book.add(config(), 0);
    done.phase = 'done';
    const busy = book.add(config(), 0);
    expect(book.remove(busy.id)).toBe(false);
    book.clear();
    expect(book.runs).toEqual([busy]);
    expect(changes).toBe(3);
    expect(book.latest).toBe(busy);
  });

  it('counts a revision for runs added, removed or changed, not for per-batch data', () => {
    const book = new RunBook();
    let heard = 0;
    book.subscribe(() => heard++);
    const run = book.add(config({ modes: ['loop'] }), 0);
    expect(book.revision).toBe(1);
    // Every batch reaches the listeners (the run store, which paces them), but not the panels that redraw on the revision.
    book.append(run, packMetrics([metric('loop', 0, 0)]));
    book.append(run, packMetrics([metric('loop', 0, 1)]));
    expect(heard).toBe(3);
    expect(book.revision).toBe(1);
    run.backend = { active: 'wasm', requested: 'auto', fallbacks: [] };
    book.changed();
    expect(book.revision).toBe(2);
    run.phase = 'done';
    book.changed();
    expect(book.remove(run.id)).toBe(true);
    expect(book.revision).toBe(4);
    book.clear();
    expect(book.revision).toBe(4);
  });

  it('marks only a running latest run as stopping when a stop is requested, with a new revision', () => {
    const book = new RunBook();
    expect(book.requestStop(5)).toBe(false);
    const run = book.add(config({ modes: ['loop'] }), 0);
    const revision = book.revision;
    expect(book.requestStop(5)).toBe(true);
    expect([run.phase, run.stopRequestedAt, book.revision]).toEqual(['stopping', 5, revision + 1]);
    // A second Stop changes nothing: the first request's time stays.
    expect(book.requestStop(9)).toBe(false);
    expect([run.phase, run.stopRequestedAt, book.revision]).toEqual(['stopping', 5, revision + 1]);
  });

  it('calls a run busy while it runs or stops, and the idle page not', () => {
    const phases: RunPhase[] = ['idle', 'running', 'stopping', 'done', 'failed'];
    expect(phases.map(isBusy)).toEqual([false, true, true, false, false]);
  });

  it('keeps per-epoch validation points', () => {
    const book = new RunBook();
    const run = book.add(config({ modes: ['fit'], dataset: 'iris' }), 0);
    book.append(run, packMetrics(metrics('fit', 6, 3, 32, (i) => (i % 3 === 2 ? { valLoss: 1 / (i + 1), valAccuracy: i / 10 } : {}))));
    expect(run.trace('fit')!.validation).toEqual([
      { epoch: 1, step: 3, valLoss: 1 / 3, valAccuracy: 0.2 },
      { epoch: 2, step: 6, valLoss: 1 / 6, valAccuracy: 0.5 },
    ]);
    const views = traceViews(book.runs, VIEW);
    expect(views[0].classification).toBe(true);
    expect(validationLines(views, 'accuracy')[0].points).toEqual([
      { x: 1, y: 0.2 },
      { x: 2, y: 0.5 },
    ]);
  });
});

describe('trace series', () => {
  function oneRun() {
    const book = new RunBook();
    const run = book.add(config({ modes: ['fitDataset'] }), 0);
    book.append(
      run,
      packMetrics(
        metrics('fitDataset', 400, 100, 32, (i) => ({
          loss: 1 / (i + 1),
          ms: 2,
          dataMs: 0.5,
          numBytes: 1000 + i,
          gpuBytesAllocated: 5000,
        })),
      ),
    );
    return { book, run, buf: run.trace('fitDataset')!.buffer };
  }

  it('switches x between batches, samples and seconds', () => {
    const { buf } = oneRun();
    const last = (axis: 'batch' | 'samples' | 'time') => traceSeries(buf, 'loss', { ...VIEW, xAxis: axis }).loss.at(-1)!.x;
    expect(last('batch')).toBe(400);
    expect(last('samples')).toBe(400 * 32);
    expect(last('time')).toBeCloseTo(0.8, 9);
  });

  it('smooths on request, keeps the raw line, and drops non-positive values on a log scale', () => {
    const { buf } = oneRun();
    const plain = traceSeries(buf, 'loss', VIEW);
    expect(plain.smoothed).toBeNull();
    const smooth = traceSeries(buf, 'loss', { ...VIEW, smoothing: 0.9 });
    expect(smooth.smoothed!.length).toBe(400);
    expect(smooth.smoothed![10].y).toBeGreaterThan(plain.loss[10].y);
    expect(smooth.loss).toEqual(plain.loss);
  });

  it('measures samples per second and the data / step split', () => {
    const { buf } = oneRun();
    const s = traceSeries(buf, 'loss', VIEW);
    for (const p of s.samplesPerSec) expect(p.y).toBeCloseTo(32 / 0.002, 6);
    expect(s.meanMs).toBe(2);
    expect(s.meanDataMs).toBe(0.5);
    expect(s.meanStepMs).toBe(1.5);
    expect(s.pool).toHaveLength(400);
  });

  it('builds each display series once, when a chart first reads it', () => {
    const { buf } = oneRun();
    const s = traceSeries(buf, 'loss', VIEW);
    // The same array at every read: a chart's paths are redrawn only when its points change.
    expect(s.loss).toBe(s.loss);
    expect(s.bytes).toBe(s.bytes);
    expect(s.samplesPerSec).toBe(s.samplesPerSec);
    expect(s.loss).toHaveLength(400);
  });

  it('hands back the same arrays until the trace changes', () => {
    const { book, run, buf } = oneRun();
    const a = cachedTraceSeries(buf, 'loss', VIEW);
    expect(cachedTraceSeries(buf, 'loss', VIEW)).toBe(a);
    expect(cachedTraceSeries(buf, 'loss', { ...VIEW, smoothing: 0.5 })).not.toBe(a);
    book.append(run, packMetrics([metric('fitDataset', 4, 0)]));
    expect(cachedTraceSeries(buf, 'loss', VIEW)).not.toBe(a);
  });

  it('builds chart lines: faint raw under smoothed, GPU pool as secondary, resident marks from summaries', () => {
    const { book, run } = oneRun();
    run.addSummary(summary('fitDataset', { residentBytes: 0 }));
    const smooth = traceViews(book.runs, { ...VIEW, smoothing: 0.6 });
    expect(lossLines(smooth).map((l) => [l.faint ?? false, l.label])).toEqual([
      [true, 'fitDataset · wasm · teacher · 100,000 samples'],
      [false, 'fitDataset · wasm · teacher · 100,000 samples'],
    ]);
    // No in-step peak measured: the batch-end reading is the line.
    expect(memoryLines(smooth).map((l) => [l.key.split(':').at(-1), l.secondary ?? null])).toEqual([
      ['bytes', null],
      ['pool', 'GPU pool'],
    ]);
    expect(residentMarks(book.runs)).toEqual([]);
    run.addSummary(summary('fitDataset', { residentBytes: 2048 }));
    expect(residentMarks(book.runs)[0]).toMatchObject({ y: 2048, label: 'fitDataset data set 2.0 kB' });
  });

  it('draws the in-step peak as the memory line and the batch-end reading faintly beside it', () => {
    const book = new RunBook();
    const run = book.add(config({ modes: ['fitDataset'] }), 0);
    book.append(run, packMetrics(metrics('fitDataset', 50, 50, 32, (i) => ({ numBytes: 1000, stepPeakBytes: 3_000_000 + i }))));
    const lines = memoryLines(traceViews(book.runs, VIEW));
    expect(lines.map((l) => [l.key.split(':').at(-1), l.faint ?? false, l.secondary ?? null])).toEqual([
      ['peak', false, null],
      ['bytes', true, 'batch end'],
    ]);
    expect(Math.max(...lines[0].points.map((p) => p.y))).toBe(3_000_049);
    expect(Math.max(...lines[1].points.map((p) => p.y))).toBe(1000);
    expect(legendOf(lines)).toHaveLength(1);
  });
});

describe('repeats', () => {
  // Two repeats of two modes in rotated order (ABBA), each repeat restarting at batch 1.
  function repeated() {
    const book = new RunBook();
    const run = book.add(config({ modes: ['fit', 'loop'], repeats: 2 }), 0);
    const rows = (mode: 'fit' | 'loop', repeat: number, ms: number) => metrics(mode, 10, 10, 32, () => ({ repeat, ms, loss: 1 + repeat }));
    book.append(run, packMetrics([...rows('fit', 0, 1), ...rows('loop', 0, 2), ...rows('loop', 1, 3), ...rows('fit', 1, 4)]));
    return { book, run };
  }

  it('keeps one trace per mode and repeat, steps restarting per repeat; received counts every step', () => {
    const { run } = repeated();
    expect(run.traces.map((t) => t.key)).toEqual([`${run.id}:fit:0`, `${run.id}:loop:0`]);
    expect(run.repeatTraces.map((t) => t.key)).toEqual([`${run.id}:loop:1`, `${run.id}:fit:1`]);
    expect(run.trace('fit', 1)!.step).toBe(10);
    expect(run.trace('fit', 1)!.timeMs).toBe(40);
    expect(run.trace('fit', 1)!.color).toBe(run.trace('fit')!.color);
    expect(run.modeSteps('fit')).toBe(20);
    expect(run.received).toBe(40);
  });

  it('draws repeat 0 as usual, later repeats faintly in the same colour, and lists each mode once', () => {
    const { book } = repeated();
    const views = traceViews(book.runs, VIEW);
    const lines = lossLines(views);
    const fit = lines.filter((l) => l.key.includes(':fit:'));
    expect(fit.map((l) => l.repeat ?? 0).sort()).toEqual([0, 1]);
    expect(new Set(fit.map((l) => l.color)).size).toBe(1);
    // The second repeat restarts at batch 1 and ends at 10, like the first.
    expect(fit.map((l) => [l.points[0].x, l.points.at(-1)!.x])).toEqual([
      [1, 10],
      [1, 10],
    ]);
    expect(legendOf(lines).map((i) => i.label.split(' ')[0])).toEqual(['fit', 'loop']);
  });
});

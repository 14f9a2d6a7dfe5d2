// Runs in Node. Export followed by import gives back the same runs: the summary table row for row, the traces'
// batches, machine, verdicts and engine; the CLI's --json document imports with its summaries and no traces.
import { describe, expect, it } from 'vitest';
import type { ClientRunResult } from '../../src/client/trainer-client';
import { resultDocument } from '../../src/cli/format-table';
import { RunBook } from '../../src/ui/chart-data/run-book';
import { exportJson, summaryCsv } from '../../src/ui/export/export-data';
import { addRuns } from '../../src/ui/import/add-runs';
import { readResultFile, readResultText } from '../../src/ui/import/read-result';
import { tableRows } from '../../src/ui/summary-table/table-rows';
import { packMetrics } from '../../src/shared/metric-chunk';
import type { MachineInfo } from '../../src/shared/machine';
import type { Comparison, RunNoise } from '../../src/shared/metrics';
import { config, metrics, summary } from './fixtures';

const machine: MachineInfo = {
  backend: 'wasm',
  wasm: { simd: true, multithread: false },
  cores: 2,
  memory: { gib: 8, approximate: true },
  runtime: 'Chromium 156',
  os: 'Linux',
  date: '2026-12-02T10:00:00Z',
};
const noise: RunNoise = { value: 0.12, basis: 'batches', mode: 'fit', warning: null };
const comparisons: Comparison[] = [
  {
    mode: 'fit',
    other: 'loop',
    against: 'loop',
    estimate: 2,
    low: 1.9,
    high: 2.1,
    level: 0.95,
    basis: 'batches',
    n: 4,
    verdict: 'different',
    text: 'fit takes 2× as long as loop',
  },
];

/** A book like a page's after two runs: one with validation and a refusal, one classification run. */
function pageBook(): RunBook {
  const book = new RunBook();
  const a = book.add(config({ modes: ['fit', 'fitDataset', 'loop'], validationSplit: 0.2 }), 0);
  book.append(
    a,
    packMetrics([
      ...metrics('fit', 6, 3, 32, (i) => ({ loss: 1 / (i + 1), valLoss: i % 3 === 2 ? 0.5 : NaN })),
      ...metrics('loop', 6, 3, 32, (i) => ({ ms: 1 + i / 7, dataMs: 0.25 })),
    ]),
  );
  a.backend = { active: 'wasm', requested: 'auto', fallbacks: [{ backend: 'webgpu', reason: 'no adapter' }] };
  a.machine = machine;
  a.summaries = [
    summary('fit', {
      msPerBatchMedian: 2,
      vsLoop: 2,
      vsLoopLow: 1.9,
      vsLoopHigh: 2.1,
      vsLoopVerdict: 'different',
      msBox: { p5: 1, p25: 1.5, p50: 2, p75: 2.5, p95: 3 },
      msHistogram: { edges: [1, 2, 3], counts: [2, 4], excluded: 0 },
    }),
    summary('fitDataset', { refused: 'estimated peak 2 GB exceeds the 1 GB budget', msPerBatchMedian: NaN }),
    summary('loop', { msPerBatchMedian: 1, dataMsMedian: 0.25, vsFastest: 1, vsFastestVerdict: 'equivalent' }),
  ];
  a.result = { stopped: false, notices: ['samples clamped'], comparisons, noise } as unknown as ClientRunResult;
  a.phase = 'done';
  const b = book.add(config({ modes: ['trainOnBatch'], dataset: 'iris' }), 0);
  book.append(b, packMetrics(metrics('trainOnBatch', 4, 2, 16, (i) => ({ valAccuracy: i % 2 ? 0.9 : NaN, valLoss: i % 2 ? 0.3 : NaN }))));
  b.summaries = [summary('trainOnBatch', { testAccuracy: 0.93 })];
  b.phase = 'done';
  return book;
}

function reimport(book: RunBook): RunBook {
  const read = readResultText(exportJson(book.runs, new Date('2026-12-02T11:00:00Z')));
  if (!read.ok) throw new Error(read.message);
  const again = new RunBook();
  addRuns(again, read.runs, 'imported', 0);
  return again;
}

/** The table's rows; an imported run's label says so, and is otherwise the original's. */
const rowsOf = (book: RunBook) =>
  tableRows(book.runs).map((r) => ({
    runId: r.runId,
    label: r.label.replace(' · imported', ''),
    dataset: r.dataset,
    summary: r.summary,
    valAccuracy: r.valAccuracy,
  }));

describe('export, then import', () => {
  it('gives the same summary table, row for row', () => {
    const book = pageBook();
    const again = reimport(book);
    expect(rowsOf(again)).toEqual(rowsOf(book));
    expect(tableRows(again.runs).every((r) => r.label.includes(' · imported'))).toBe(true);
    expect(summaryCsv(again.runs)).toBe(summaryCsv(book.runs));
  });

  it('rebuilds each trace from the per-batch columns', () => {
    const book = pageBook();
    const again = reimport(book);
    again.runs.forEach((run, i) => {
      const before = book.runs[i];
      expect(run.log.count).toBe(before.log.count);
      for (const t of before.traces) {
        const copy = run.trace(t.mode)!;
        expect(copy.step).toBe(t.step);
        expect(copy.timeMs).toBeCloseTo(t.timeMs, 9);
        expect(copy.validation).toEqual(t.validation);
        expect(Array.from(copy.buffer.step.subarray(0, copy.buffer.count))).toEqual(Array.from(t.buffer.step.subarray(0, t.buffer.count)));
      }
    });
  });

  it('keeps machine, backend, verdicts, noise and notices, and marks the runs imported and finished', () => {
    const [a, b] = reimport(pageBook()).runs;
    expect(a.origin).toBe('imported');
    expect(a.phase).toBe('done');
    expect(a.machine).toEqual(machine);
    expect(a.backend?.fallbacks).toEqual([{ backend: 'webgpu', reason: 'no adapter' }]);
    expect(a.result?.comparisons).toEqual(comparisons);
    expect(a.result?.noise).toEqual(noise);
    expect(a.result?.notices).toEqual(['samples clamped']);
    expect(a.result?.receivedBatches).toBe(a.result?.totalBatches);
    expect(b.machine).toBeNull();
  });

  it('exports an imported run as it was imported (the engine travels too)', () => {
    const once = reimport(pageBook());
    const twice = reimport(once);
    const strip = (text: string) => JSON.parse(text).runs.map((r: Record<string, unknown>) => ({ ...r, run: 0 }));
    expect(strip(exportJson(twice.runs, new Date(0)))).toEqual(strip(exportJson(once.runs, new Date(0))));
  });
});

describe("the CLI's document", () => {
  it('imports with its summaries, verdicts and machine, and no traces', () => {
    const cfg = config({ modes: ['fit', 'loop'], backend: 'wasm' });
    const text = resultDocument(
      [
        {
          engine: 'fitscope (TensorFlow.js 4.22.0)',
          config: cfg,
          backend: { active: 'wasm', requested: 'wasm', fallbacks: [] },
          machine: { ...machine, runtime: 'Node 20.20.2' },
          notices: [],
          stopped: false,
          summaries: [summary('fit'), summary('loop', { msPerBatchMedian: 0.5 })],
          comparisons,
          noise,
        },
      ],
      new Date('2026-12-02T09:00:00Z'),
    );
    const read = readResultText(text);
    if (!read.ok) throw new Error(read.message);
    const book = new RunBook();
    const [run] = addRuns(book, read.runs, 'imported', 0);
    expect(run.summaries.map((s) => s.mode)).toEqual(['fit', 'loop']);
    expect(run.summary('loop')?.msPerBatchMedian).toBe(0.5);
    expect(run.traces.every((t) => t.buffer.batches === 0)).toBe(true);
    expect(run.machine?.runtime).toBe('Node 20.20.2');
    expect(run.result?.comparisons).toEqual(comparisons);
    expect(tableRows(book.runs)).toHaveLength(2);
    // Exported again from the page, it names the CLI's engine.
    expect(JSON.parse(exportJson(book.runs, new Date())).runs[0].engine).toBe('fitscope (TensorFlow.js 4.22.0)');
  });
});

describe('reading a file', () => {
  it('refuses a file over 50 MB before reading a byte of it', async () => {
    let read = false;
    const huge = { name: 'big.json', size: 50 * 1024 * 1024 + 1, text: async () => ((read = true), '{}') };
    const result = await readResultFile(huge);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/"big\.json" is .*larger than/) });
    expect(read).toBe(false);
  });

  it('reads a good file', async () => {
    const text = exportJson(pageBook().runs, new Date());
    const result = await readResultFile({ name: 'ok.json', size: text.length, text: async () => text });
    expect(result.ok && result.runs.length).toBe(2);
  });
});

// Runs in Node. The exports hold the run's numbers: one CSV row per batch, one summary row per mode, JSON with
// everything; NaN as empty cells / null; the log's cap is said, not hidden.
import { describe, expect, it } from 'vitest';
import type { ClientRunResult } from '../../src/client/trainer-client';
import { RunBook } from '../../src/ui/chart-data/run-book';
import { BatchLog } from '../../src/ui/export/batch-log';
import { METRIC_COLUMNS } from '../../src/shared/metric-row';
import {
  BATCH_CSV_HEADER,
  EXPORT_COLUMNS,
  batchesCsv,
  csvCell,
  exportJson,
  summaryCsv,
  SUMMARY_CSV_HEADER,
} from '../../src/ui/export/export-data';
import { config, metrics, summary } from './fixtures';
import { packMetrics } from '../../src/shared/metric-chunk';
import { describeMachine } from '../../src/shared/machine';

function twoRuns() {
  const book = new RunBook();
  const a = book.add(config({ modes: ['fit', 'loop'] }), 0);
  book.append(a, packMetrics([...metrics('fit', 5, 5, 32, (i) => ({ loss: i / 10 })), ...metrics('loop', 5, 5)]));
  a.backend = { active: 'wasm', requested: 'auto', fallbacks: [] };
  a.summaries = [summary('fit', { msPerBatchMedian: 2, vsFastest: 2 }), summary('loop', { msPerBatchMedian: 1, vsFastest: 1 })];
  a.machine = {
    backend: 'wasm',
    wasm: { simd: true, multithread: false },
    cores: 2,
    runtime: 'Chromium 156',
    os: 'Linux',
    date: '2026-12-02T10:00:00Z',
  };
  a.result = { stopped: false, notices: ['a note'] } as unknown as ClientRunResult;
  a.phase = 'done';
  const b = book.add(config({ modes: ['trainOnBatch'], dataset: 'iris' }), 0);
  book.append(b, packMetrics(metrics('trainOnBatch', 3, 3)));
  b.summaries = [summary('trainOnBatch', { refused: 'over budget, "really"', msPerBatchMedian: NaN })];
  b.phase = 'done';
  return book;
}

describe('CSV', () => {
  it('has one row per batch received, in every kept run', () => {
    const csv = batchesCsv(twoRuns().runs).trim().split('\n');
    expect(csv[0]).toBe(BATCH_CSV_HEADER.join(','));
    expect(csv).toHaveLength(1 + 5 + 5 + 3);
    const row = Object.fromEntries(BATCH_CSV_HEADER.map((h, i) => [h, csv[2].split(',')[i]]));
    expect(row).toMatchObject({
      run: '1',
      backend: 'wasm',
      dataset: 'teacher',
      mode: 'fit',
      epoch: '0',
      batch: '1',
      step: '2',
      loss: '0.1',
      dataMs: '',
      samplesSeen: '64',
    });
    expect(csv[13].startsWith('2,wasm,iris,90,32,trainOnBatch')).toBe(true);
  });

  it('has one summary row per mode, refused ones too, with the ratio to the fastest and the machine', () => {
    const lines = summaryCsv(twoRuns().runs).trim().split('\n');
    expect(lines[0]).toBe(SUMMARY_CSV_HEADER.join(','));
    expect(lines).toHaveLength(4);
    const vsFastest = SUMMARY_CSV_HEADER.indexOf('vsFastest');
    expect(lines[1].split(',')[vsFastest]).toBe('2');
    expect(lines[2].split(',')[vsFastest]).toBe('1');
    expect(SUMMARY_CSV_HEADER.at(-1)).toBe('machine');
    expect(lines[1].endsWith(`,"${describeMachine(twoRuns().runs[0].machine!)}"`)).toBe(true);
    // A run without machine facts has an empty cell.
    expect(lines[3].endsWith(',')).toBe(true);
    expect(lines[3]).toContain('"over budget, ""really"""');
  });

  it('quotes what needs quoting', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.5)).toBe('0.5');
  });
});

describe('JSON', () => {
  it('holds configs, summaries (NaN as null) and every batch, column by column', () => {
    const doc = JSON.parse(exportJson(twoRuns().runs, new Date('2026-11-29T10:00:00Z')));
    expect(doc.tool).toBe('fitscope');
    expect(doc.format).toBe(1);
    expect(doc.exportedAt).toBe('2026-11-29T10:00:00.000Z');
    expect(doc.runs).toHaveLength(2);
    const [a, b] = doc.runs;
    expect(a.config.modes).toEqual(['fit', 'loop']);
    expect(a.notices).toEqual(['a note']);
    expect(a.batchCount).toBe(10);
    expect(Object.keys(a.batches)).toEqual([...EXPORT_COLUMNS]);
    expect(a.batches.mode.slice(4, 6)).toEqual(['fit', 'loop']);
    expect(a.batches.dataMs[0]).toBeNull();
    expect(a.summaries[0].dataMsMedian).toBeNull();
    expect(a.summaries[0].vsFastest).toBe(2);
    expect(b.summaries[0].refused).toBe('over budget, "really"');
    expect(b.summaries[0].vsFastest).toBeNull();
  });

  it("carries what the CLI's document carries: engine, machine, verdicts and noise", () => {
    const book = twoRuns();
    const noise = { value: 0.1, basis: 'batches', mode: 'fit', warning: null };
    const comparisons = [
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
    book.runs[0].result = { ...book.runs[0].result, comparisons, noise } as unknown as ClientRunResult;
    const [a, b] = JSON.parse(exportJson(book.runs, new Date())).runs;
    expect(a.engine).toMatch(/fitscope/);
    expect(a.machine).toEqual(book.runs[0].machine);
    expect(a.comparisons).toEqual(comparisons);
    expect(a.noise).toEqual(noise);
    expect(b.machine).toBeUndefined();
    expect(b.comparisons).toEqual([]);
  });
});

describe('BatchLog', () => {
  it('keeps up to its cap and counts the rest', () => {
    const log = new BatchLog(3);
    for (let i = 0; i < 5; i++) log.push(METRIC_COLUMNS.map(() => i));
    expect(log.count).toBe(3);
    expect(log.dropped).toBe(2);
    expect(log.value(2, BatchLog.column('loss'))).toBe(2);
  });
});

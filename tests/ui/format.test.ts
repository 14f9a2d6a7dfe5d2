// Runs in Node. Words and numbers the page shows: summary cells, error notices.
import { describe, expect, it } from 'vitest';
import { ERROR_NAMES } from '../../src/shared/errors';
import { SUMMARY_FIELDS, type ModeSummary } from '../../src/shared/metrics';
import { formatInt, formatMs, formatPercent, formatSig } from '../../src/ui/format';
import { describeRunError, urlWarnings } from '../../src/ui/notice/messages';
import { COLUMNS, cellText, visibleColumns } from '../../src/ui/summary-table/columns';
import type { TableRow } from '../../src/ui/summary-table/table-rows';

describe('formatting', () => {
  it('formats times and significant digits', () => {
    expect(formatMs(0.41234)).toBe('0.412 ms');
    expect(formatMs(1234.5)).toBe('1,235 ms');
    expect(formatMs(65_000)).toBe('65 s');
    expect(formatSig(NaN)).toBe('–');
    expect(formatSig(0.000012345)).toBe('1.23e-5');
  });

  it('formats percentages with one decimal and counts with en-US grouping', () => {
    expect(formatPercent(0.912)).toBe('91.2 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(NaN)).toBe('–');
    expect(formatInt(12345)).toBe('12,345');
  });
});

describe('summary columns', () => {
  it('has a column for every summary field the CLI prints (samples sits in Data), each with a heading', () => {
    const keys = COLUMNS.map((c) => c.key);
    const shown = new Set<string>(COLUMNS.flatMap((c): readonly string[] => c.covers ?? [c.key]));
    for (const field of [...SUMMARY_FIELDS, 'batchEndPeakBytes', 'peakGpuAllocatedBytes', 'lossReads']) {
      if (field !== 'samples') expect(shown, field).toContain(field);
    }
    expect(keys.slice(0, 2)).toEqual(['mode', 'backend']);
    for (const c of COLUMNS) expect(c.heading).not.toBe('');
    // Memory guard estimate and resident bytes sit right after each other, in the detail.
    expect(keys.slice(keys.indexOf('estimatedPeakBytes'), keys.indexOf('estimatedPeakBytes') + 2)).toEqual([
      'estimatedPeakBytes',
      'residentBytes',
    ]);
    // The default set is the answer at a glance; the rest is under "All columns".
    expect(visibleColumns([]).length).toBeLessThanOrEqual(10);
  });

  it('formats a row without throwing, NaN as a dash, and drops empty optional columns', () => {
    const summary = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, NaN])) as unknown as ModeSummary;
    Object.assign(summary, {
      mode: 'fit',
      backend: 'cpu',
      samples: 4096,
      peakBytes: 2048,
      msPerBatchMedian: 1.5,
      msPerBatchLow: 1.4,
      msPerBatchHigh: 1.62,
      vsLoop: 1.234,
      vsLoopLow: 1.2,
      vsLoopHigh: 1.27,
      vsLoopVerdict: 'different',
      vsFastest: 1.01,
      vsFastestLow: 0.99,
      vsFastestHigh: 1.02,
      vsFastestVerdict: 'equivalent',
      repeats: 2,
      repeatsPlanned: 5,
    });
    const row: TableRow = {
      key: '1:fit',
      runId: 1,
      label: 'fit',
      color: '#000',
      dataset: 'teacher',
      summary,
      valAccuracy: NaN,
    };
    const cells = Object.fromEntries(COLUMNS.map((c) => [c.key, cellText(c, row)]));
    expect(cells.mode).toBe('fit');
    expect(cells.backend).toBe('cpu');
    expect(cells.dataset).toBe('teacher · 4,096');
    expect(cells.peakBytes).toMatch(/^2(\.0)? kB$/i);
    expect(cells.msPerBatchMedian).toBe('1.5 ms (1.4–1.62)');
    expect(cells.vsLoop).toBe('1.2× (1.2×–1.27×)');
    expect(cells.vsFastest).toBe('1.01× = (0.99×–1.02×)');
    expect(cells.repeats).toBe('2 of 5 (incomplete)');
    expect(cells.testAccuracy).toBe('–');
    expect(cells.loss).toBe('– → –');
    const visible = visibleColumns([row], true).map((c) => c.key);
    expect(visible).not.toContain('testAccuracy');
    expect(visible).not.toContain('peakGpuAllocatedBytes');
    expect(visibleColumns([{ ...row, summary: { ...summary, testAccuracy: 0.9 } }], true).map((c) => c.key)).toContain('testAccuracy');
    expect(visibleColumns([row]).map((c) => c.key)).not.toContain('estimatedPeakBytes');
  });
});

describe('notice messages', () => {
  it('words each error by its name', () => {
    const lost = Object.assign(new Error('The run did not stop within 3 s'), { name: ERROR_NAMES.workerLost });
    expect(describeRunError(lost)).toEqual({ kind: 'error', text: 'The run did not stop within 3 s.' });
    const backend = Object.assign(new Error('No backend could start (webgpu: no WebGPU adapter)'), {
      name: ERROR_NAMES.backendUnavailable,
    });
    expect(describeRunError(backend).text).toContain('webgpu: no WebGPU adapter');
    expect(describeRunError(new TypeError('x is undefined')).text).toBe('The run failed: TypeError: x is undefined');
    expect(describeRunError('plain').text).toBe('The run failed: plain');
  });

  it('prefixes URL warnings', () => {
    expect(urlWarnings(['samples: "banana" is not a number; using 4096'])).toEqual([
      { kind: 'warning', text: 'Link setting samples: "banana" is not a number; using 4096.' },
    ]);
  });
});

// Runs in Node. Words and numbers the page shows: summary cells, error notices.
import { describe, expect, it } from 'vitest';
import { ERROR_NAMES } from '../../src/shared/errors';
import { SUMMARY_FIELDS, type ModeSummary } from '../../src/shared/metrics';
import { formatMs, formatSig } from '../../src/ui/format';
import { describeRunError, urlWarnings } from '../../src/ui/notice/messages';
import { COLUMNS } from '../../src/ui/summary-table/columns';

describe('formatting', () => {
  it('formats times and significant digits', () => {
    expect(formatMs(0.41234)).toBe('0.412 ms');
    expect(formatMs(1234.5)).toBe('1,235 ms');
    expect(formatMs(65_000)).toBe('65 s');
    expect(formatSig(NaN)).toBe('–');
    expect(formatSig(0.000012345)).toBe('1.23e-5');
  });
});

describe('summary columns', () => {
  it('has one column per summary field, in order, each with a heading', () => {
    expect(COLUMNS.map((c) => c.key)).toEqual([...SUMMARY_FIELDS]);
    for (const c of COLUMNS) expect(c.heading).not.toBe('');
  });

  it('formats a row without throwing, NaN as a dash', () => {
    const row = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, NaN])) as unknown as ModeSummary;
    Object.assign(row, { mode: 'fit', backend: 'cpu', peakBytes: 2048, msPerBatchMedian: 1.5 });
    const cells = Object.fromEntries(COLUMNS.map((c) => [c.key, c.cell(row)]));
    expect(cells.mode).toBe('fit');
    expect(cells.backend).toBe('cpu');
    expect(cells.peakBytes).toMatch(/^2(\.0)? kB$/i);
    expect(cells.msPerBatchMedian).toBe('1.5 ms');
    expect(cells.finalLoss).toBe('–');
  });
});

describe('notice messages', () => {
  it('words each error by its name', () => {
    const lost = Object.assign(new Error('The run did not stop within 3 s'), { name: ERROR_NAMES.workerLost });
    expect(describeRunError(lost)).toEqual({ kind: 'error', text: 'The run did not stop within 3 s.' });
    const backend = Object.assign(new Error('No backend could start (webgpu: no WebGPU adapter)'), { name: ERROR_NAMES.backendUnavailable });
    expect(describeRunError(backend).text).toContain('webgpu: no WebGPU adapter');
    expect(describeRunError(new TypeError('x is undefined')).text).toBe('The run failed: TypeError: x is undefined');
    expect(describeRunError('plain').text).toBe('The run failed: plain');
  });

  it('prefixes URL warnings', () => {
    expect(urlWarnings(['samples: "banana" is not a number; using 4096'])).toEqual([{ kind: 'warning', text: 'Link setting samples: "banana" is not a number; using 4096.' }]);
  });
});

// CSV files: parsed as streams, good files train, and every kind of bad file gets a message naming the line
// and column, never a crash or a hang.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/engine/data/csv/parse';
import { scanCsv } from '../../src/engine/data/csv/scan';
import { csvDataSource, type CsvInput } from '../../src/engine/data/csv/source';
import { ERROR_NAMES } from '../../src/shared/errors';
import { runExperiment } from '../../src/engine/run';
import { smallConfig, tf, useCpu } from './helpers';

beforeAll(useCpu);

/** A byte stream of `text` cut into chunks of `size` bytes, to cross every boundary. */
function bytes(text: string | Uint8Array, size = 7): CsvInput['open'] {
  const all = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return () =>
    (async function* () {
      for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
    })();
}

const input = (text: string | Uint8Array, label?: string, size?: number): CsvInput => ({
  name: 'test.csv',
  open: bytes(text, size),
  ...(label ? { label } : {}),
});

async function records(text: string, size = 3) {
  const out: { line: number; fields: string[] }[] = [];
  for await (const r of csvRecords(bytes(text, size)())) out.push(r);
  return out;
}

function table(rows: number, row: (i: number) => string, header = 'x1,x2,label'): string {
  return [header, ...Array.from({ length: rows }, (_, i) => row(i))].join('\n') + '\n';
}

describe('CSV records', () => {
  it('reads quotes, escaped quotes, commas and line breaks inside quotes, CRLF, across chunk boundaries', async () => {
    for (const size of [1, 2, 3, 64]) {
      const got = await records('a,b,c\r\n1,"x, ""y""",3\r\n"multi\nline",,"z"\n\n4,5,6', size);
      expect(got).toEqual([
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['1', 'x, "y"', '3'] },
        { line: 3, fields: ['multi\nline', '', 'z'] },
        { line: 6, fields: ['4', '5', '6'] },
      ]);
    }
  });
});

describe('CSV scan', () => {
  it('infers column kinds, classes, a preview and the row count, and leaves text features out', async () => {
    const scan = await scanCsv(bytes(table(50, (i) => `${i},${i % 7},name ${i},${i % 3 ? 'cat' : 'dog'}`, 'a,b,name,pet')));
    expect(scan.inspection).toMatchObject({
      rows: 50,
      label: 'pet',
      task: 'classification',
      classes: ['dog', 'cat'],
      features: ['a', 'b'],
      columns: [
        { name: 'a', kind: 'number' },
        { name: 'b', kind: 'number' },
        { name: 'name', kind: 'text' },
        { name: 'pet', kind: 'text' },
      ],
    });
    expect(scan.inspection.preview[0]).toEqual(['a', 'b', 'name', 'pet']);
    expect(scan.inspection.preview).toHaveLength(9);
    expect(scan.inspection.notices.join()).toContain('column "name" holds text');
    expect(scan.mean[0]).toBeCloseTo(24.5, 10);
  });

  it('takes a numeric label as regression, and a named label column', async () => {
    const scan = await scanCsv(bytes(table(20, (i) => `${i},${2 * i},${i % 2}`)), 'x2');
    expect(scan.inspection).toMatchObject({ task: 'regression', label: 'x2', features: ['x1', 'label'], classes: null });
  });

  const bad: [string, string | Uint8Array, RegExp, string?][] = [
    ['an empty file', '', /the file is empty/],
    ['a header without rows', 'a,b,c\n', /header but no data rows/],
    ['a ragged row', table(30, (i) => (i === 20 ? '1,2' : `${i},${i},a`)), /line 22 has 2 fields; the header has 3/],
    [
      'a text cell in a numeric feature column',
      table(400, (i) => (i === 300 ? `${i},abc,a` : `${i},${i},a`)),
      /line 302, column "x2": "abc" is not a number/,
    ],
    ['an empty cell in a feature column', table(10, (i) => (i === 5 ? `${i},,a` : `${i},${i},a`)), /line 7, column "x2": empty cell/],
    ['a missing label column', table(5, (i) => `${i},${i},a`), /no column named "price" \(the columns are "x1", "x2", "label"\)/, 'price'],
    ['a binary file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]), /not a CSV text file: it holds binary data/],
    ['invalid UTF-8', new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x2c, 0x31, 0x0a]), /not a UTF-8 CSV text file/],
    ['an unclosed quote', 'a,b\n1,"oops\n2,3\n', /line 2: a quoted field is never closed/],
    ['a single class', table(10, (i) => `${i},${i},same`), /only one class/],
    ['no feature columns', table(10, (i) => `a${i},b${i},c`), /no numeric feature columns/],
  ];
  it.each(bad)('explains %s', async (_, text, message, label) => {
    await expect(scanCsv(bytes(text), label)).rejects.toThrow(message);
  });
});

describe('CSV as a data set', () => {
  const text = table(300, (i) => {
    const [a, b] = [Math.sin(i * 1.7), Math.cos(i * 0.9)];
    return `${a.toFixed(4)},${b.toFixed(4)},${a + b > 0 ? 'yes' : 'no'}`;
  });

  it('holds the last rows out, and streams the same rows it loads whole', async () => {
    const source = await csvDataSource(input(text));
    expect(source.shape).toMatchObject({ samples: 240, features: 2, outputs: 2, task: 'classification', classes: ['yes', 'no'] });
    const { validation, test } = await source.heldOut();
    expect([validation.samples, test.samples]).toEqual([30, 30]);
    const arrays = await source.arrays();
    const streamed = [await source.compute.read(0, 100), await source.compute.read(100, 240)];
    expect([...streamed[0].x, ...streamed[1].x]).toEqual([...arrays.x]);
    // Going back restarts the stream.
    expect([...(await source.compute.read(10, 20)).y]).toEqual([...arrays.y.subarray(20, 40)]);
  });

  it('reads the file whole once however often the arrays are asked for, and names the file once in its messages', async () => {
    let opened = 0;
    const counted: CsvInput = { ...input(text), open: () => (opened++, input(text).open()) };
    const source = await csvDataSource(counted);
    const afterScan = opened;
    const arrays = await source.arrays();
    expect(await source.arrays()).toBe(arrays);
    expect(opened).toBe(afterScan + 1);
    const tiny = { ...input('a,b,label\n1,2,x\n3,4,y\n'), name: 'tiny.csv' };
    await expect(csvDataSource(tiny)).rejects.toMatchObject({
      name: ERROR_NAMES.invalidData,
      message: 'tiny.csv has 2 data rows; fitscope needs at least 3 (training, validation and test)',
    });
  });

  it('trains every mode, streaming for the generator', async () => {
    const result = await runExperiment(tf, smallConfig({ dataset: 'csv', epochs: 15, hidden: [16], batchSize: 16 }), 'cpu', {
      signal: { stopped: false },
      onBatch() {},
      csv: input(text, undefined, 4096),
    });
    for (const s of result.summaries) {
      expect(s.testAccuracy, s.mode).toBeGreaterThanOrEqual(0.8);
      expect(s.leakedTensors).toBe(0);
    }
    expect(result.notices.join()).toContain('streams the CSV file');
  });

  it('a CSV over the memory budget trains through fitDataset in the CLI while fit is refused', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fitscope-csv-'));
    const path = join(folder, 'big.csv');
    const header = [...Array.from({ length: 20 }, (_, k) => `f${k}`), 'y'].join(',');
    writeFileSync(
      path,
      table(60_000, (i) => [...Array.from({ length: 20 }, (_, k) => ((i * (k + 3)) % 97) / 97), (i % 89) / 89].join(','), header),
    );
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/bench.ts',
        '--csv',
        path,
        '--label',
        'y',
        '--modes',
        'fit,fitDataset',
        '--epochs',
        '1',
        '--batch',
        '1024',
        '--hidden',
        '8',
        '--budget-mb',
        '2',
        '--backend',
        'cpu',
        '--json',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const [fit, fitDataset] = JSON.parse(run.stdout).runs[0].summaries as Record<string, number | string | null>[];
    expect(fit.refused).toMatch(
      /fit refused: its estimated peak of [\d.]+ MB \([\d.]+ MB of it the data set held as tensors\) exceeds the memory budget of 2\.0 MB/,
    );
    expect(fitDataset.refused).toBeNull();
    // 60,000 rows: the last 5,000 for validation and 5,000 for test.
    expect(fitDataset.batches).toBe(Math.ceil(50_000 / 1024));
    expect(fitDataset.residentBytes).toBe(0);
    expect(fitDataset.peakBytes as number).toBeLessThan(2 * 1024 * 1024);
  });

  it('the CLI names the line of a bad row and exits 2', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fitscope-csv-'));
    const path = join(folder, 'bad.csv');
    writeFileSync(
      path,
      table(40, (i) => (i === 33 ? `${i},oops,a` : `${i},${i},${i % 2 ? 'a' : 'b'}`)),
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bench.ts', '--csv', path, '--backend', 'cpu'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bad.csv: line 35, column "x2": "oops" is not a number');
    expect(run.stderr).not.toContain('    at ');
  });
});

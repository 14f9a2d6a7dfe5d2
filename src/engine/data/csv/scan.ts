// Runs in worker and Node. The first pass over a CSV file: header, column kinds, a preview, the row count, the
// label's classes (or its range for regression), and each feature's mean and deviation for standardising.
// Every problem names its line and column; nothing is guessed silently.
import type { CsvInspection } from '../../../shared/csv';
import { csvRecords, CsvFormatError, type ByteStream } from './parse';

export interface CsvScan {
  inspection: CsvInspection;
  /** Field index of each feature column, and of the label. */
  featureIndex: number[];
  labelIndex: number;
  mean: number[];
  std: number[];
  /** Mean and deviation of a numeric label (regression targets are standardised too). */
  labelMean: number;
  labelStd: number;
}

const PREVIEW_ROWS = 8;
/** Rows that decide whether a column is numeric; a later text cell in a numeric column is an error. */
const KIND_ROWS = 200;

export const parseCell = (text: string): number => {
  const t = text.trim();
  return t === '' ? NaN : Number(t);
};

export function cellProblem(line: number, column: string, text: string): string {
  return text.trim() === ''
    ? `line ${line}, column "${column}": empty cell (fitscope needs a number here)`
    : `line ${line}, column "${column}": ${JSON.stringify(text.length > 30 ? `${text.slice(0, 30)}…` : text)} is not a number`;
}

export async function scanCsv(open: () => ByteStream, label?: string): Promise<CsvScan> {
  const records = csvRecords(open());
  const first = await records.next();
  if (first.done) throw new CsvFormatError('the file is empty');
  const header = first.value.fields.map((h) => h.trim());
  if (header.length < 2)
    throw new CsvFormatError(`line 1: the header has ${header.length} column; fitscope needs at least one feature and a label`);
  const labelName = label ?? header[header.length - 1];
  const labelIndex = header.indexOf(labelName);
  if (labelIndex < 0)
    throw new CsvFormatError(`no column named "${labelName}" (the columns are ${header.map((h) => `"${h}"`).join(', ')})`);

  // A column is numeric when most of its first cells are numbers; a stray word in such a column is then an
  // error naming its line, not a reason to drop the column.
  const numberCells = header.map(() => 0);
  const textCells = header.map(() => 0);
  const early: { line: number; fields: string[] }[] = [];
  const checkWidth = (record: { line: number; fields: string[] }) => {
    if (record.fields.length !== header.length)
      throw new CsvFormatError(`line ${record.line} has ${record.fields.length} fields; the header has ${header.length}`);
  };
  // Column kinds come from the first rows.
  for (let r = await records.next(); !r.done; r = await records.next()) {
    checkWidth(r.value);
    early.push(r.value);
    r.value.fields.forEach((f, c) => {
      if (f.trim() === '') return;
      if (Number.isNaN(parseCell(f))) textCells[c]++;
      else numberCells[c]++;
    });
    if (early.length >= KIND_ROWS) break;
  }
  if (early.length === 0) throw new CsvFormatError('the file has a header but no data rows');
  const numeric = header.map((_, c) => numberCells[c] > 0 && textCells[c] <= 0.1 * (numberCells[c] + textCells[c]));
  const task = numeric[labelIndex] ? 'regression' : 'classification';
  const notices: string[] = [];
  const featureIndex: number[] = [];
  header.forEach((name, c) => {
    if (c === labelIndex) return;
    if (numeric[c]) featureIndex.push(c);
    else notices.push(`column "${name}" holds text, and fitscope trains on numeric features only: left out`);
  });
  if (featureIndex.length === 0) throw new CsvFormatError(`no numeric feature columns besides the label "${labelName}"`);

  const sum = featureIndex.map(() => 0);
  const sumSq = featureIndex.map(() => 0);
  const classes: string[] = [];
  let labelSum = 0;
  let labelSumSq = 0;
  let rows = 0;
  const take = (record: { line: number; fields: string[] }) => {
    checkWidth(record);
    featureIndex.forEach((c, k) => {
      const v = parseCell(record.fields[c]);
      if (!Number.isFinite(v)) throw new CsvFormatError(cellProblem(record.line, header[c], record.fields[c]));
      sum[k] += v;
      sumSq[k] += v * v;
    });
    const cell = record.fields[labelIndex];
    if (task === 'regression') {
      const v = parseCell(cell);
      if (!Number.isFinite(v)) throw new CsvFormatError(cellProblem(record.line, labelName, cell));
      labelSum += v;
      labelSumSq += v * v;
    } else {
      const name = cell.trim();
      if (name === '') throw new CsvFormatError(`line ${record.line}, column "${labelName}": empty label`);
      if (!classes.includes(name)) {
        if (classes.length >= 1000)
          throw new CsvFormatError(`column "${labelName}" has over 1000 distinct labels: is it really the class column?`);
        classes.push(name);
      }
    }
    rows++;
  };
  early.forEach(take);
  for (let r = await records.next(); !r.done; r = await records.next()) take(r.value);
  if (task === 'classification' && classes.length < 2)
    throw new CsvFormatError(`column "${labelName}" has only one class ("${classes[0]}"): nothing to learn`);

  const stat = (s: number, sq: number) => {
    const mean = s / rows;
    return { mean, std: Math.sqrt(Math.max(0, sq / rows - mean * mean)) || 1 };
  };
  const stats = featureIndex.map((_, k) => stat(sum[k], sumSq[k]));
  const labelStats = task === 'regression' ? stat(labelSum, labelSumSq) : { mean: 0, std: 1 };
  return {
    inspection: {
      columns: header.map((name, c) => ({ name, kind: numeric[c] ? 'number' : 'text' })),
      preview: [header, ...early.slice(0, PREVIEW_ROWS).map((r) => r.fields)],
      rows,
      label: labelName,
      task,
      classes: task === 'classification' ? classes : null,
      features: featureIndex.map((c) => header[c]),
      notices,
    },
    featureIndex,
    labelIndex,
    mean: stats.map((s) => s.mean),
    std: stats.map((s) => s.std),
    labelMean: labelStats.mean,
    labelStd: labelStats.std,
  };
}

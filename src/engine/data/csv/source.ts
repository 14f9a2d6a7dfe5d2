// Runs in worker and Node. A CSV file as a data set: rows streamed from the file on every pass (constant
// memory; a generator reads it batch by batch), the last rows held out for validation and test, features
// standardised with the scan's statistics, class labels one-hot, numeric labels standardised.
import { ERROR_NAMES, FitscopeError } from '../../../shared/errors';
import { memoize, type DataShape, type DataSource, type RowReader } from '../types';
import { csvRecords, CsvFormatError, type ByteStream } from './parse';
import { cellProblem, parseCell, scanCsv, type CsvScan } from './scan';

export interface CsvInput {
  /** A name for messages (the file name). */
  name: string;
  /** Opens the file from its start; called once per pass. */
  open(): ByteStream;
  /** Label column; the last column when absent. */
  label?: string;
}

/** Rows held out at the end of the file for validation and for the test, each. */
function csvHeldOut(rows: number): number {
  return Math.min(5000, Math.max(1, Math.round(rows * 0.1)));
}

/** Reads data rows [start, end) (0-based, header excluded) by streaming; restarts the stream to go back. */
export function csvRowReader(input: CsvInput, scan: CsvScan, shape: DataShape): RowReader {
  let records: AsyncGenerator<{ line: number; fields: string[] }> | null = null;
  let cursor = 0;
  const header = scan.inspection.preview[0];
  const restart = async () => {
    await records?.return(undefined);
    records = csvRecords(input.open());
    await records.next(); // the header
    cursor = 0;
  };
  return {
    async read(start, end) {
      if (!records || start < cursor) await restart();
      const x = new Float32Array((end - start) * shape.features);
      const y = new Float32Array((end - start) * shape.outputs);
      while (cursor < end) {
        const r = await records!.next();
        if (r.done)
          throw new CsvFormatError(
            `${input.name} ended after ${cursor} rows; it had ${scan.inspection.rows} when it was scanned (was it changed?)`,
          );
        if (cursor >= start) {
          const row = cursor - start;
          const fields = r.value.fields;
          scan.featureIndex.forEach((c, k) => {
            const v = parseCell(fields[c]);
            if (!Number.isFinite(v)) throw new CsvFormatError(cellProblem(r.value.line, header[c], fields[c] ?? ''));
            x[row * shape.features + k] = (v - scan.mean[k]) / scan.std[k];
          });
          const cell = fields[scan.labelIndex] ?? '';
          if (scan.inspection.classes) y[row * shape.outputs + scan.inspection.classes.indexOf(cell.trim())] = 1;
          else y[row] = (parseCell(cell) - scan.labelMean) / scan.labelStd;
        }
        cursor++;
      }
      return { x, y };
    },
  };
}

/** Scans the file; a problem with it is InvalidDataError, naming the file (and the line and column). */
export async function scanCsvInput(input: CsvInput): Promise<CsvScan> {
  try {
    return await scanCsv(() => input.open(), input.label);
  } catch (e) {
    if (e instanceof CsvFormatError) throw new FitscopeError(ERROR_NAMES.invalidData, `${input.name}: ${e.message}`);
    throw e;
  }
}

export async function csvDataSource(input: CsvInput): Promise<DataSource> {
  const scan = await scanCsvInput(input);
  const { rows, classes, features } = scan.inspection;
  const held = csvHeldOut(rows);
  const train = rows - 2 * held;
  if (train < 1)
    throw new FitscopeError(
      ERROR_NAMES.invalidData,
      `${input.name} has ${rows} data rows; fitscope needs at least 3 (training, validation and test)`,
    );
  const shape: DataShape = classes
    ? { samples: train, features: features.length, outputs: classes.length, task: 'classification', classes }
    : { samples: train, features: features.length, outputs: 1, task: 'regression' };
  return {
    shape,
    origin: 'file',
    compute: csvRowReader(input, scan, shape),
    // Readers of their own, so materialising does not disturb a stream in use.
    arrays: memoize(async () => ({ ...shape, ...(await csvRowReader(input, scan, shape).read(0, train)) })),
    heldOut: memoize(async () => {
      const rest = await csvRowReader(input, scan, shape).read(train, rows);
      const f = shape.features;
      const o = shape.outputs;
      return {
        validation: { samples: held, x: rest.x.subarray(0, held * f), y: rest.y.subarray(0, held * o) },
        test: { samples: held, x: rest.x.subarray(held * f), y: rest.y.subarray(held * o) },
      };
    }),
    notices: [
      ...scan.inspection.notices,
      ...(classes
        ? []
        : [
            `the label "${scan.inspection.label}" is numeric: regression on the standardised label (mean ${scan.labelMean.toPrecision(4)}, deviation ${scan.labelStd.toPrecision(4)})`,
          ]),
    ],
  };
}

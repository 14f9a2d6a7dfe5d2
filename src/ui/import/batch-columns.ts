// Runs in the page (pure). An imported run's per-batch columns (the page export's `batches`: one list per
// column, mode by name) checked and packed back into one metric chunk, the same rows a live run streams, so
// the run book rebuilds charts and log from them exactly as it did for the run itself.
import { MODE_NAMES, type ModeName } from '../../shared/config';
import type { MetricChunk } from '../../shared/metric-chunk';
import { COL, METRIC_COLUMNS, METRIC_WIDTH } from '../../shared/metric-row';
import { MAX_BATCH_ROWS, MAX_MAGNITUDE } from './limits';
import { at, ImportProblem, list, object, shown } from './json-checks';

export function readBatchColumns(value: unknown, path: string, modes: readonly ModeName[]): MetricChunk {
  const raw = object(value, path);
  const columns = METRIC_COLUMNS.map((c) => list(raw[c], at(path, c), MAX_BATCH_ROWS));
  const count = columns[0].length;
  METRIC_COLUMNS.forEach((c, i) => {
    if (columns[i].length !== count)
      throw new ImportProblem(at(path, c), `${columns[i].length} values where ${METRIC_COLUMNS[0]} has ${count}`);
  });
  const data = new Float64Array(count * METRIC_WIDTH);
  for (let c = 0; c < METRIC_WIDTH; c++) {
    const column = columns[c];
    const isMode = c === COL.mode;
    for (let r = 0, o = c; r < count; r++, o += METRIC_WIDTH) {
      const v = column[r];
      if (isMode) {
        const mode = modes.indexOf(v as ModeName) >= 0 ? MODE_NAMES.indexOf(v as ModeName) : -1;
        if (mode < 0) throw new ImportProblem(at(at(path, 'mode'), r), `${shown(v)} is not one of the run's modes (${modes.join(', ')})`);
        data[o] = mode;
      } else if (v === null) {
        data[o] = NaN;
      } else if (typeof v === 'number' && Math.abs(v) <= MAX_MAGNITUDE) {
        data[o] = v;
      } else {
        throw new ImportProblem(
          at(at(path, METRIC_COLUMNS[c]), r),
          typeof v === 'number' ? `${shown(v)} is out of any plausible range` : `expected a number or null, found ${shown(v)}`,
        );
      }
    }
  }
  // A record stands for one training step or more (a whole epoch without per-batch callbacks), never none.
  for (let r = 0, o = COL.steps; r < count; r++, o += METRIC_WIDTH) {
    const steps = data[o];
    if (!(Number.isInteger(steps) && steps >= 1))
      throw new ImportProblem(at(at(path, 'steps'), r), `${shown(steps)} is not a whole number of steps ≥ 1`);
  }
  return { count, data };
}

/** Rows kept as numbers (the run store's): the same checks as the columns, on a row-major Float64Array. */
export function readBatchRows(value: unknown, path: string, modes: readonly ModeName[]): MetricChunk {
  if (!(value instanceof Float64Array)) throw new ImportProblem(path, 'expected the rows as numbers');
  if (value.length % METRIC_WIDTH !== 0) throw new ImportProblem(path, `${value.length} numbers do not make whole rows of ${METRIC_WIDTH}`);
  const count = value.length / METRIC_WIDTH;
  if (count > MAX_BATCH_ROWS) throw new ImportProblem(path, `${count} rows, more than the ${MAX_BATCH_ROWS} this page keeps`);
  const allowed = new Set(modes.map((m) => MODE_NAMES.indexOf(m)));
  for (let r = 0, o = 0; r < count; r++, o += METRIC_WIDTH) {
    if (!allowed.has(value[o + COL.mode]))
      throw new ImportProblem(at(path, r), `mode ${shown(value[o + COL.mode])} is not one of the run's modes`);
    const steps = value[o + COL.steps];
    if (!(Number.isInteger(steps) && steps >= 1))
      throw new ImportProblem(at(path, r), `${shown(steps)} is not a whole number of steps ≥ 1`);
    for (let c = 0; c < METRIC_WIDTH; c++) {
      const v = value[o + c];
      if (Math.abs(v) > MAX_MAGNITUDE)
        throw new ImportProblem(at(path, r), `${METRIC_COLUMNS[c]} ${shown(v)} is out of any plausible range`);
    }
  }
  return { count, data: value };
}

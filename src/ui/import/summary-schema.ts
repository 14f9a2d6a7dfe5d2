// Runs in the page (pure). One mode's summary from an imported document, rebuilt field by field (ModeSummary,
// src/shared/metrics.ts): numbers finite and in range or null (NaN), words from their fixed lists. Fields
// the file leaves out are NaN, as a summary of a mode that did not measure them.
import { AUTO_BACKEND_ORDER, MODE_NAMES } from '../../shared/config';
import type { ModeSummary } from '../../shared/metrics';
import type { BoxPlot, LogHistogram, VerdictKind } from '../../shared/stats';
import { MAX_HISTOGRAM_BINS } from './limits';
import { at, ImportProblem, list, number, numberOrNaN, object, oneOf, optionalText, type NumberRule } from './json-checks';

const COUNT: NumberRule = { min: 0, integer: true };
const NON_NEGATIVE: NumberRule = { min: 0 };
const ANY: NumberRule = {};

/** Every numeric field of ModeSummary and what it may hold. */
const NUMBER_FIELDS = {
  samples: COUNT,
  batchSize: COUNT,
  epochs: COUNT,
  batches: COUNT,
  repeats: COUNT,
  repeatsPlanned: COUNT,
  warmupBatches: COUNT,
  steadyBatches: COUNT,
  peakTensors: COUNT,
  lossReads: COUNT,
  leakedTensors: { integer: true },
  totalMs: NON_NEGATIVE,
  msPerBatchMedian: NON_NEGATIVE,
  msPerBatchLow: NON_NEGATIVE,
  msPerBatchHigh: NON_NEGATIVE,
  msPerBatchP5: NON_NEGATIVE,
  msPerBatchP95: NON_NEGATIVE,
  samplesPerSec: NON_NEGATIVE,
  throughputSamplesPerSec: NON_NEGATIVE,
  noise: NON_NEGATIVE,
  peakBytes: NON_NEGATIVE,
  estimatedPeakBytes: NON_NEGATIVE,
  residentBytes: NON_NEGATIVE,
  batchEndPeakBytes: NON_NEGATIVE,
  peakGpuAllocatedBytes: NON_NEGATIVE,
  dataMsMedian: NON_NEGATIVE,
  stepMsMedian: ANY,
  vsLoop: NON_NEGATIVE,
  vsLoopLow: NON_NEGATIVE,
  vsLoopHigh: NON_NEGATIVE,
  vsFastest: NON_NEGATIVE,
  vsFastestLow: NON_NEGATIVE,
  vsFastestHigh: NON_NEGATIVE,
  initialLoss: ANY,
  finalLoss: ANY,
  testLoss: ANY,
  testAccuracy: { min: 0, max: 1 },
} as const satisfies Partial<Record<keyof ModeSummary, NumberRule>>;

const BASES = ['batches', 'repeats'] as const;
const VERDICTS: readonly VerdictKind[] = ['different', 'equivalent', 'inconclusive'];

/** A word from its list; `fallback` where the file leaves the field out. */
function word<T extends string>(raw: Record<string, unknown>, key: string, path: string, choices: readonly T[], fallback: T): T {
  const value = raw[key];
  return value === undefined || value === null ? fallback : oneOf(value, at(path, key), choices);
}

function verdict(raw: Record<string, unknown>, key: string, path: string): VerdictKind | null {
  const value = raw[key];
  return value === undefined || value === null ? null : oneOf(value, at(path, key), VERDICTS);
}

function box(value: unknown, path: string): BoxPlot | null {
  if (value === null || value === undefined) return null;
  const raw = object(value, path);
  const n = (key: keyof BoxPlot) => number(raw[key], at(path, key), NON_NEGATIVE);
  return { p5: n('p5'), p25: n('p25'), p50: n('p50'), p75: n('p75'), p95: n('p95') };
}

function histogram(value: unknown, path: string): LogHistogram | null {
  if (value === null || value === undefined) return null;
  const raw = object(value, path);
  const counts = list(raw.counts, at(path, 'counts'), MAX_HISTOGRAM_BINS).map((c, i) => number(c, at(at(path, 'counts'), i), COUNT));
  const edges = list(raw.edges, at(path, 'edges'), MAX_HISTOGRAM_BINS + 1).map((e, i) => number(e, at(at(path, 'edges'), i), NON_NEGATIVE));
  if (counts.length > 0 && edges.length !== counts.length + 1)
    throw new ImportProblem(at(path, 'edges'), `${edges.length} edges for ${counts.length} bins (needs one more edge than bins)`);
  return { edges, counts, excluded: number(raw.excluded ?? 0, at(path, 'excluded'), COUNT) };
}

export function readSummary(value: unknown, path: string): ModeSummary {
  const raw = object(value, path);
  const numbers = Object.fromEntries(
    Object.entries(NUMBER_FIELDS).map(([key, rule]) => [key, numberOrNaN(raw[key], at(path, key), rule)]),
  ) as Record<keyof typeof NUMBER_FIELDS, number>;
  const summary: ModeSummary = {
    mode: oneOf(raw.mode, at(path, 'mode'), MODE_NAMES),
    backend: oneOf(raw.backend, at(path, 'backend'), AUTO_BACKEND_ORDER),
    ...numbers,
    intervalBasis: word(raw, 'intervalBasis', path, BASES, 'batches'),
    noiseBasis: word(raw, 'noiseBasis', path, BASES, 'batches'),
    vsLoopVerdict: verdict(raw, 'vsLoopVerdict', path),
    vsFastestVerdict: verdict(raw, 'vsFastestVerdict', path),
    peakSource: word(raw, 'peakSource', path, ['allocation', 'batch-end', 'process-rss'] as const, 'batch-end'),
    timing: word(raw, 'timing', path, ['batch', 'epoch'] as const, 'batch'),
    msBox: box(raw.msBox, at(path, 'msBox')),
    msHistogram: histogram(raw.msHistogram, at(path, 'msHistogram')),
  };
  const refused = optionalText(raw.refused, at(path, 'refused'));
  if (refused !== undefined) summary.refused = refused;
  if (raw.repeat !== undefined && raw.repeat !== null) summary.repeat = number(raw.repeat, at(path, 'repeat'), COUNT);
  return summary;
}

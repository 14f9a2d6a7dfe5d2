// Runs in Node. What the CLI prints: an aligned table of the steady-state numbers (time per batch with its 95 %
// interval, p5 and p95, the ratio to the loop), the verdict lines and the noise meter; or one JSON document.
import {
  SUMMARY_EXTRA_FIELDS,
  SUMMARY_FIELDS,
  type Comparison,
  type KernelProbe,
  type ModeSummary,
  type RunNoise,
} from '../shared/metrics';
import type { RunConfig } from '../shared/config';
import type { MachineInfo } from '../shared/machine';
import type { BackendInfo } from '../shared/metrics';

function num(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '–';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(digits);
}

const range = (low: number, high: number) => (Number.isFinite(low) && Number.isFinite(high) ? `${num(low)}–${num(high)}` : '–');
const bytes = (b: number) => (Number.isFinite(b) ? (b >= 1048576 ? `${(b / 1048576).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} kB`) : '–');

/** The table's columns: heading and cell. */
const COLUMNS: readonly [string, (s: ModeSummary) => string][] = [
  ['mode', (s) => s.mode],
  ['backend', (s) => s.backend],
  ['batches', (s) => num(s.batches)],
  ['repeats', (s) => (s.repeats < s.repeatsPlanned ? `${s.repeats}/${s.repeatsPlanned}!` : num(s.repeats))],
  ['warm-up', (s) => num(s.warmupBatches)],
  ['ms/batch p50', (s) => num(s.msPerBatchMedian)],
  ['95% CI', (s) => range(s.msPerBatchLow, s.msPerBatchHigh)],
  ['p5', (s) => num(s.msPerBatchP5)],
  ['p95', (s) => num(s.msPerBatchP95)],
  ['samples/s', (s) => (Number.isFinite(s.samplesPerSec) ? Math.round(s.samplesPerSec).toString() : '–')],
  ['× loop', (s) => (Number.isFinite(s.vsLoop) ? `${num(s.vsLoop)}` : '–')],
  ['× loop 95% CI', (s) => range(s.vsLoopLow, s.vsLoopHigh)],
  ['loss', (s) => `${num(s.initialLoss, 4)} → ${num(s.finalLoss, 4)}`],
  ['peak', (s) => bytes(s.peakBytes)],
  ['estimate', (s) => bytes(s.estimatedPeakBytes)],
  ['data set', (s) => bytes(s.residentBytes)],
  ['leaked', (s) => num(s.leakedTensors)],
];

export interface Report {
  summaries: readonly ModeSummary[];
  comparisons: readonly Comparison[];
  noise: RunNoise;
  kernelProbe?: KernelProbe | null;
}

/** One row per mode, then refusals, the verdicts and the noise meter. */
export function formatTable(report: Report): string {
  const { summaries, comparisons, noise } = report;
  const rows = [COLUMNS.map(([h]) => h), ...summaries.map((s) => COLUMNS.map(([, cell]) => cell(s)))];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const table = rows.map((r) =>
    r
      .map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd(),
  );
  const lines = [...table, ...summaries.filter((s) => s.refused).map((s) => `! ${s.refused}`)];
  const timed = summaries.filter((s) => !s.refused && s.batches > 0);
  if (timed.length) {
    const repeats = Math.min(...timed.map((s) => s.repeats));
    const warm = timed.reduce((n, s) => n + s.warmupBatches, 0);
    lines.push(
      '',
      `time per batch: median of the steady batches (${warm} warm-up batch${warm === 1 ? '' : 'es'} left out)${repeats > 1 ? `; intervals from ${repeats} repeats in rotated order` : ''}`,
    );
    if (repeats <= 1) lines.push('  one run per mode: intervals come from its batches and cannot see run-to-run noise (add --repeats 5)');
    if (timed.some((s) => s.repeats < s.repeatsPlanned)) lines.push('  ! stopped early: the statistics cover the completed repeats only');
  }
  if (comparisons.length) {
    lines.push('verdicts (equivalence margin ±3 %):');
    for (const c of comparisons) lines.push(`  ${c.mode} vs ${c.other}${c.against === 'fastest' ? ' (fastest)' : ''}: ${c.text}`);
  }
  if (Number.isFinite(noise.value)) {
    const what = noise.basis === 'repeats' ? 'spread between repeats' : 'p95 / median within the run';
    lines.push(`noise: ${(noise.value * 100).toFixed(1)} % (${what}, ${noise.mode})`);
    if (noise.warning) lines.push(`  ! ${noise.warning}`);
  }
  const probe = report.kernelProbe;
  if (probe && probe.tunedMs > 0) {
    lines.push(
      `wasm kernels: a side run of ${probe.steps} loop steps took ${num(probe.stockMs)} ms stock, ${num(probe.tunedMs)} ms tuned (${num(probe.stockMs / probe.tunedMs)}×; --kernels tuned)`,
    );
  }
  return lines.join('\n');
}

/**
 * JSON summaries: SUMMARY_FIELDS then SUMMARY_EXTRA_FIELDS, in that order, plus `adapter` when the backend has
 * one. NaN (no timing: a refused mode, or no loop to compare with) becomes null; `refused` is null for a mode that ran.
 */
export function summariesToJson(summaries: readonly ModeSummary[], adapter?: string): Record<string, unknown>[] {
  return summaries.map((s) => ({
    ...Object.fromEntries([...SUMMARY_FIELDS, ...SUMMARY_EXTRA_FIELDS].map((f) => [f, s[f] ?? null])),
    ...(adapter ? { adapter } : {}),
  }));
}

export interface ResultRun extends Report {
  /** What ran it: "fitscope (TensorFlow.js 4.22.0)" or "Keras 3.15.1 / TensorFlow 2.21.0, native CPU, 1 thread". */
  engine: string;
  config: RunConfig;
  backend: BackendInfo;
  machine?: MachineInfo;
  notices: readonly string[];
  stopped: boolean;
  /** Engine-specific fields added to each summary, by index (the Keras runner's process memory). */
  summaryExtras?: readonly Record<string, unknown>[];
}

/** The CLI's JSON: the same document as the page's export (tool, format, runs), so either can be imported. */
export function resultDocument(runs: readonly ResultRun[], exportedAt: Date): string {
  const doc = {
    tool: 'fitscope',
    format: 1,
    exportedAt: exportedAt.toISOString(),
    runs: runs.map((r) => ({
      engine: r.engine,
      config: r.config,
      backend: r.backend,
      ...(r.machine ? { machine: r.machine } : {}),
      notices: r.notices,
      stopped: r.stopped,
      summaries: summariesToJson(r.summaries, r.backend.adapter).map((s, i) => ({ ...s, ...r.summaryExtras?.[i] })),
      comparisons: r.comparisons,
      noise: r.noise,
      kernelProbe: r.kernelProbe ?? null,
    })),
  };
  return JSON.stringify(doc, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2);
}

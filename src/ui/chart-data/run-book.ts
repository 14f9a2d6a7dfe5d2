// Runs in the page (pure, no React). Every run the page keeps: its config, backend, summaries and traces (one per
// mode and repeat: bounded chart buffers) plus the per-batch log for export. Runs stay until removed, each mode
// with its own colour (its repeats share it). Appending a chunk is the only per-batch work on the main thread:
// copy numbers into typed arrays. Listeners hear of every change synchronously; the run store (run-store.ts)
// paces that for React. The book's revision counts the other changes (a run added, removed or changed).
import { MODE_NAMES, cloneConfig, type ModeName, type RunConfig } from '../../shared/config';
import type { BackendInfo, ModeSummary } from '../../shared/metrics';
import type { MachineInfo } from '../../shared/machine';
import type { MetricChunk } from '../../shared/metric-chunk';
import { COL, METRIC_WIDTH } from '../../shared/metric-row';
import type { ClientRunResult } from '../../client/trainer-client';
import { BatchLog } from '../export/batch-log';
import { MODE_DASHES, pickColors } from './palette';
import { TRACE_COLUMNS, TRACE_SOURCE, TraceBuffer } from './trace-buffer';

/** Where a kept run stands. */
export type RecordPhase = 'running' | 'stopping' | 'done' | 'failed';

/** The page's phase: the latest run's, or 'idle' before the first run and after every run was removed. */
export type RunPhase = RecordPhase | 'idle';

/** A run still going: it cannot be removed, and no other may start. */
export function isBusy(phase: RunPhase): phase is 'running' | 'stopping' {
  return phase === 'running' || phase === 'stopping';
}

export interface ValidationPoint {
  /** 1-based: the epoch just finished. */
  epoch: number;
  step: number;
  valLoss: number;
  valAccuracy: number;
}

export interface Trace {
  /** Unique among kept traces: `${runId}:${mode}:${repeat}`. */
  key: string;
  runId: number;
  mode: ModeName;
  /** 0-based repeat of the run (the repeats setting): every repeat of a mode restarts its steps at 1. */
  repeat: number;
  color: string;
  dash: string | undefined;
  buffer: TraceBuffer;
  validation: ValidationPoint[];
  /** Batches done in this mode (a record per epoch, without per-batch callbacks, counts its batches). */
  step: number;
  /** Sum of batch times so far: the mode's wall time, validation excluded. */
  timeMs: number;
  lastEpoch: number;
  lastBatch: number;
  /**
   * Every record's time per batch, in order (up to BATCH_TIMES_CAPACITY): the live median before the summary.
   * Kept only while the trace streams: the run empties it when rows for another trace arrive.
   */
  times: BatchTimes;
}

/** Records whose time a trace keeps for its live median (2 MB): the mode's summary replaces it at the end. */
export const BATCH_TIMES_CAPACITY = 262_144;

/** A growing list of batch times, in arrival order, capped. */
export class BatchTimes {
  private data = new Float64Array(256);
  count = 0;

  push(ms: number): void {
    if (this.count >= BATCH_TIMES_CAPACITY) return;
    if (this.count === this.data.length) {
      const grown = new Float64Array(Math.min(BATCH_TIMES_CAPACITY, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count++] = ms;
  }

  /** Lets go of the times (the summary has the statistics now). */
  clear(): void {
    this.data = new Float64Array(256);
    this.count = 0;
  }

  /** The times so far (a view: copy before sorting). */
  values(): Float64Array {
    return this.data.subarray(0, this.count);
  }
}

/** Where a kept run came from: run on this page, imported from a file, or a reference shipped with the app. */
export type RunOrigin = 'live' | 'imported' | 'reference';

export class RunRecord {
  phase: RecordPhase = 'running';
  origin: RunOrigin = 'live';
  backend: BackendInfo | null = null;
  /** What made the run (from its result, or from the imported file). */
  machine: MachineInfo | null = null;
  /** What ran it, when not this page: the imported file's engine ("Keras 3.15.1 / TensorFlow 2.21.0, …"). */
  engine: string | null = null;
  /** Finished modes so far; the result's list (with vsLoop filled in) replaces it at the end. */
  summaries: ModeSummary[] = [];
  result: ClientRunResult | null = null;
  error: unknown = null;
  endedAt: number | null = null;
  stopRequestedAt: number | null = null;
  /** Training steps received (a record per epoch, with per-batch callbacks off, counts its epoch's batches). */
  received = 0;
  /** One trace per mode: its first repeat (the table, progress and labels read these). */
  readonly traces: Trace[];
  /** The trace the latest rows went to (the mode and repeat streaming now, while the run is busy). */
  lastTrace: Trace | null = null;
  /** Traces of the later repeats (repeat ≥ 1), in the order their first batch arrived. */
  readonly repeatTraces: Trace[] = [];
  readonly log = new BatchLog();
  private readonly byKey = new Map<string, Trace>();
  private readonly colors = new Map<ModeName, string>();
  private readonly values = new Float64Array(TRACE_COLUMNS.length);
  private readonly row = { step: 0, samples: 0, timeMs: 0, values: this.values };

  constructor(
    readonly id: number,
    readonly config: RunConfig,
    /** Page clock (performance.now()) when the run was asked for. */
    readonly startedAt: number,
    colors: readonly string[],
  ) {
    config.modes.forEach((mode, i) => this.colors.set(mode, colors[i]));
    this.traces = config.modes.map((mode) => this.makeTrace(mode, 0));
  }

  private makeTrace(mode: ModeName, repeat: number): Trace {
    const trace: Trace = {
      key: `${this.id}:${mode}:${repeat}`,
      runId: this.id,
      mode,
      repeat,
      color: this.colors.get(mode) ?? '#888888',
      dash: MODE_DASHES[mode],
      buffer: new TraceBuffer(),
      validation: [],
      step: 0,
      timeMs: 0,
      lastEpoch: -1,
      lastBatch: -1,
      times: new BatchTimes(),
    };
    this.byKey.set(`${mode}:${repeat}`, trace);
    return trace;
  }

  /** The trace of a mode's repeat (the first repeat by default). */
  trace(mode: ModeName, repeat = 0): Trace | undefined {
    return this.byKey.get(`${mode}:${repeat}`);
  }

  /** Every trace of a mode, repeat 0 first. */
  modeTraces(mode: ModeName): Trace[] {
    const first = this.trace(mode);
    return [...(first ? [first] : []), ...this.repeatTraces.filter((t) => t.mode === mode)];
  }

  /** Every trace, the later repeats first (so the charts draw them behind the first). */
  get allTraces(): Trace[] {
    return this.repeatTraces.length ? [...this.repeatTraces, ...this.traces] : this.traces;
  }

  /** Steps run in a mode over all its repeats. */
  modeSteps(mode: ModeName): number {
    return this.modeTraces(mode).reduce((sum, t) => sum + t.step, 0);
  }

  summary(mode: ModeName): ModeSummary | undefined {
    return this.summaries.find((s) => s.mode === mode);
  }

  get busy(): boolean {
    return isBusy(this.phase);
  }

  /** Copies a chunk's rows into the traces and the log: numbers into typed arrays, nothing per batch besides. */
  append(chunk: MetricChunk): void {
    const d = chunk.data;
    for (let i = 0, o = 0; i < chunk.count; i++, o += METRIC_WIDTH) {
      const mode = MODE_NAMES[d[o + COL.mode]] ?? MODE_NAMES[0];
      const repeat = Number.isInteger(d[o + COL.repeat]) && d[o + COL.repeat] > 0 ? d[o + COL.repeat] : 0;
      const t = this.trace(mode, repeat) ?? this.addTrace(mode, repeat);
      const steps = d[o + COL.steps];
      t.step += steps;
      t.timeMs += d[o + COL.ms] * steps;
      t.lastEpoch = d[o + COL.epoch];
      t.lastBatch = d[o + COL.batch];
      // One trace streams at a time: the one before has its summary coming, and its times are no longer read.
      if (this.lastTrace !== t) this.lastTrace?.times.clear();
      t.times.push(d[o + COL.ms]);
      this.lastTrace = t;
      for (let c = 0; c < TRACE_SOURCE.length; c++) this.values[c] = d[o + TRACE_SOURCE[c]];
      this.row.step = t.step;
      this.row.samples = d[o + COL.samplesSeen];
      this.row.timeMs = t.timeMs;
      t.buffer.append(this.row);
      const valLoss = d[o + COL.valLoss];
      const valAccuracy = d[o + COL.valAccuracy];
      if (Number.isFinite(valLoss) || Number.isFinite(valAccuracy))
        t.validation.push({ epoch: t.lastEpoch + 1, step: t.step, valLoss, valAccuracy });
      this.log.push(d.subarray(o, o + METRIC_WIDTH));
      this.received += steps;
    }
  }

  /** A trace for rows of a mode or repeat the run did not announce (an imported file may hold any). */
  private addTrace(mode: ModeName, repeat: number): Trace {
    const trace = this.makeTrace(mode, repeat);
    if (repeat === 0) this.traces.push(trace);
    else this.repeatTraces.push(trace);
    return trace;
  }

  addSummary(summary: ModeSummary): void {
    this.summaries = [...this.summaries.filter((s) => s.mode !== summary.mode), summary];
  }
}

export class RunBook {
  private list: RunRecord[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();
  /**
   * Counts the discrete changes: a run added or removed, a record's fields changed (changed()). Not per-batch
   * appends. The runs panel and the summary table re-render on it, not on every frame.
   */
  revision = 0;

  /** Kept runs, oldest first; a new array whenever a run is added or removed. */
  get runs(): readonly RunRecord[] {
    return this.list;
  }

  get latest(): RunRecord | null {
    return this.list[this.list.length - 1] ?? null;
  }

  /** The first repeat's trace of every mode of every run. */
  get traces(): Trace[] {
    return this.list.flatMap((r) => r.traces);
  }

  add(config: RunConfig, now: number): RunRecord {
    const inUse = new Set(this.traces.map((t) => t.color));
    const record = new RunRecord(this.nextId++, cloneConfig(config), now, pickColors(config.modes, inUse));
    this.list = [...this.list, record];
    this.changed();
    return record;
  }

  /** Removes a finished run; a run still going stays. */
  remove(id: number): boolean {
    const run = this.list.find((r) => r.id === id);
    if (!run || run.busy) return false;
    this.list = this.list.filter((r) => r !== run);
    this.changed();
    return true;
  }

  /** Removes every finished run. */
  clear(): void {
    const kept = this.list.filter((r) => r.busy);
    if (kept.length === this.list.length) return;
    this.list = kept;
    this.changed();
  }

  /**
   * Marks the latest run as stopping, asked at `now` (the worker finishes the batch it is in): true when it was
   * running, false (and nothing changes) otherwise.
   */
  requestStop(now: number): boolean {
    const run = this.latest;
    if (!run || run.phase !== 'running') return false;
    run.phase = 'stopping';
    run.stopRequestedAt = now;
    this.changed();
    return true;
  }

  /** Per-batch data: listeners hear of it, the revision stays. */
  append(run: RunRecord, chunk: MetricChunk): void {
    run.append(chunk);
    this.notify();
  }

  /** Call after changing a record's fields (phase, backend, summaries, …): a new revision. */
  changed(): void {
    this.revision++;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

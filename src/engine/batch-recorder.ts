// Runs in worker and Node. Every mode reports each finished batch here: time (split into data wait and step),
// loss (read back only as the policy says), memory. The recorder's own bookkeeping happens between batch
// marks, so it is not counted in any batch's time.
import type { ModeName } from '../shared/config';
import { MODE_NAMES } from '../shared/config';
import type { MemoryReading } from '../shared/metrics';
import { COL, newMetricRow, type MetricRow } from '../shared/metric-row';
import type { Evaluation } from './evaluate';
import { LossReader } from './loss-reader';
import { readMemory } from './memory';
import { PeakTracker } from './peak-tracker';
import type { Scalar, Tensor, Tf } from './tf';
import { createYielder, YIELD_INTERVAL_MS } from './yield';

export interface StopSignal {
  stopped: boolean;
}

export interface RecorderOptions {
  /** Read tf.memory() at every batch end for the stream (counters only, no GPU sync). Default true. */
  sampleMemory?: boolean;
  /** Hook tensor allocation for the true peak. Default true. */
  trackPeak?: boolean;
  /**
   * Told true when the mode is about to train for whole epochs without giving the event loop a turn (no
   * per-batch hook to yield from), and false once it is done: a host that pings the worker for signs of life
   * must not take that silence for a crash.
   */
  onQuiet?(quiet: boolean): void;
  /** Which repeat of the run this mode's records belong to (0-based). */
  repeat?: number;
}

const NO_EVALUATION: Evaluation = { loss: NaN, accuracy: NaN };

export class BatchRecorder {
  readonly batchMs: number[] = [];
  /** With per-batch callbacks off: one average time per batch for each epoch (the only real samples then). */
  readonly epochAverageMs: number[] = [];
  readonly dataMs: number[] = [];
  samplesSeen = 0;
  residentBytes = 0;
  peakGpuAllocated = NaN;
  timing: 'batch' | 'epoch' = 'batch';
  private startedAt = 0;
  private lastMark = 0;
  private pendingDataMs = 0;
  private dataMeasured = false;
  private endedAt: number | null = null;
  private readonly yieldIfDue = createYielder(YIELD_INTERVAL_MS);
  private readonly peaks: PeakTracker | null;
  private batchEndPeakBytes = 0;
  private batchEndPeakTensors = 0;
  private readonly sampleEveryBatch: boolean;
  private pausedMs = 0;
  private weightsSource: (() => readonly Tensor[]) | null = null;
  /** Checks the current weights on the validation rows after each full epoch (set by the run, timed apart). */
  validate: ((params: readonly Tensor[]) => Promise<Evaluation>) | null = null;
  private readonly onQuiet: ((quiet: boolean) => void) | undefined;
  private quiet = false;
  /** The one record this recorder fills and hands to its sink, batch after batch (the sink copies what it keeps). */
  private readonly row: MetricRow = newMetricRow();

  constructor(
    private readonly tf: Tf,
    readonly mode: ModeName,
    private readonly sink: (row: MetricRow) => void,
    readonly signal: StopSignal,
    readonly loss: LossReader,
    private readonly batchesPerEpoch: number,
    options: RecorderOptions = {},
  ) {
    this.sampleEveryBatch = options.sampleMemory ?? true;
    this.peaks = options.trackPeak === false ? null : new PeakTracker(tf);
    this.onQuiet = options.onQuiet;
    this.row[COL.mode] = MODE_NAMES.indexOf(mode);
    this.row[COL.repeat] = options.repeat ?? 0;
  }

  /** Marks the start of training: everything after this, data upload included, is the mode's cost. */
  start(): void {
    const memory = this.sampleMemory();
    this.peaks?.openWindow(memory.numBytes, memory.numTensors);
    this.startedAt = this.lastMark = performance.now();
  }

  /** Reads backend memory and keeps the peaks. */
  sampleMemory(): MemoryReading {
    const memory = readMemory(this.tf);
    this.batchEndPeakBytes = Math.max(this.batchEndPeakBytes, memory.numBytes);
    this.batchEndPeakTensors = Math.max(this.batchEndPeakTensors, memory.numTensors);
    this.peaks?.observe(memory.numBytes, memory.numTensors);
    if (memory.gpuBytesAllocated !== null && !(memory.gpuBytesAllocated <= this.peakGpuAllocated))
      this.peakGpuAllocated = memory.gpuBytesAllocated;
    return memory;
  }

  /** Tells the recorder where the mode keeps its current weights, for the per-epoch validation. */
  watchWeights(source: () => readonly Tensor[]): void {
    this.weightsSource = source;
  }

  /** Runs the validation at an epoch's end; its time is kept out of every batch and of totalMs. */
  private async validateEpoch(): Promise<Evaluation> {
    if (!this.validate || !this.weightsSource) return NO_EVALUATION;
    const t0 = performance.now();
    if (this.peaks) this.peaks.paused = true;
    try {
      return await this.validate(this.weightsSource());
    } finally {
      if (this.peaks) this.peaks.paused = false;
      this.pausedMs += performance.now() - t0;
    }
  }

  /** Adds time the current batch spent waiting for its data (called by the data pipeline or the loop). */
  addDataMs(ms: number): void {
    this.pendingDataMs += ms;
    this.dataMeasured = true;
  }

  /**
   * Records one finished batch and resolves true when the run was asked to stop. `loss` is a number when the
   * mode already read it (trainOnBatch) or a scalar still on the backend (read here only if the policy says).
   */
  async batchEnd(epoch: number, batch: number, loss: number | Scalar, batchSamples: number): Promise<boolean> {
    const ms = performance.now() - this.lastMark;
    this.row[COL.stepPeakBytes] = this.peaks?.hooked ? this.peaks.windowBytes : NaN;
    this.row[COL.stepPeakTensors] = this.peaks?.hooked ? this.peaks.windowTensors : NaN;
    const reading =
      typeof loss === 'number'
        ? this.loss.takeNumber(epoch, loss, batchSamples)
        : await this.loss.takeTensor(epoch, batch, loss, batchSamples);
    const val = batch === this.batchesPerEpoch - 1 ? await this.validateEpoch() : NO_EVALUATION;
    this.record(epoch, batch, 1, ms, reading.loss, reading.meanLoss, batchSamples, val);
    await this.yieldIfDue();
    this.lastMark = performance.now();
    return this.signal.stopped;
  }

  /**
   * Says that training is about to run whole epochs with no per-batch hook (epochEnd the only one), so the
   * event loop gets a turn only at epoch ends; finish() says it is over.
   */
  quietUntilFinish(): void {
    if (this.quiet) return;
    this.quiet = true;
    this.onQuiet?.(true);
  }

  /**
   * With per-batch callbacks off there is no per-batch hook: one record per epoch, its time the epoch's
   * average per batch, marked timing = 'epoch'.
   */
  async epochEnd(epoch: number, samplesInEpoch: number): Promise<boolean> {
    this.timing = 'epoch';
    const batchesInEpoch = this.batchesPerEpoch;
    const perBatch = (performance.now() - this.lastMark) / Math.max(1, batchesInEpoch);
    this.epochAverageMs.push(perBatch);
    for (let i = 0; i < batchesInEpoch - 1; i++) this.batchMs.push(perBatch);
    // The whole epoch is one span: its peak is the peak of the epoch's steps.
    this.row[COL.stepPeakBytes] = this.peaks?.hooked ? this.peaks.windowBytes : NaN;
    this.row[COL.stepPeakTensors] = this.peaks?.hooked ? this.peaks.windowTensors : NaN;
    const val = await this.validateEpoch();
    this.dataMeasured = false;
    this.record(epoch, batchesInEpoch - 1, batchesInEpoch, perBatch, NaN, NaN, samplesInEpoch, val);
    await this.yieldIfDue();
    this.lastMark = performance.now();
    return this.signal.stopped;
  }

  private record(
    epoch: number,
    batch: number,
    steps: number,
    ms: number,
    loss: number,
    meanLoss: number,
    samples: number,
    val: Evaluation,
  ): void {
    this.batchMs.push(ms);
    const dataMs = this.dataMeasured ? this.pendingDataMs : NaN;
    if (this.dataMeasured) this.dataMs.push(dataMs);
    this.pendingDataMs = 0;
    this.dataMeasured = false;
    this.samplesSeen += samples;
    const r = this.row;
    r[COL.epoch] = epoch;
    r[COL.batch] = batch;
    r[COL.steps] = steps;
    r[COL.loss] = loss;
    r[COL.meanLoss] = meanLoss;
    r[COL.ms] = ms;
    r[COL.dataMs] = dataMs;
    r[COL.samplesSeen] = this.samplesSeen;
    r[COL.valLoss] = val.loss;
    r[COL.valAccuracy] = val.accuracy;
    // An epoch record always reads memory: there is one per epoch, and it is all the chart has.
    if (this.sampleEveryBatch || steps > 1) {
      const memory = this.sampleMemory();
      r[COL.numTensors] = memory.numTensors;
      r[COL.numBytes] = memory.numBytes;
      r[COL.gpuBytesInUse] = memory.gpuBytesInUse ?? NaN;
      r[COL.gpuBytesAllocated] = memory.gpuBytesAllocated ?? NaN;
      this.peaks?.openWindow(memory.numBytes, memory.numTensors);
    } else {
      r[COL.numTensors] = r[COL.numBytes] = r[COL.gpuBytesInUse] = r[COL.gpuBytesAllocated] = NaN;
      this.peaks?.openWindow(0, 0);
    }
    this.sink(r);
  }

  /** Marks the end of training (before final weights are read back for evaluation) and unhooks allocation. */
  finish(): void {
    if (this.endedAt !== null) return;
    this.endedAt = performance.now();
    this.sampleMemory();
    this.peaks?.dispose();
    if (this.quiet) this.onQuiet?.(false);
    this.quiet = false;
  }

  get peakBytes(): number {
    return this.peaks?.hooked ? this.peaks.peakBytes : this.batchEndPeakBytes;
  }

  get peakTensors(): number {
    return this.peaks?.hooked ? this.peaks.peakTensors : this.batchEndPeakTensors;
  }

  get peakSource(): 'allocation' | 'batch-end' {
    return this.peaks?.hooked ? 'allocation' : 'batch-end';
  }

  /** The highest reading at batch ends only: what a naive sampler would report. */
  get batchEndPeak(): { bytes: number; tensors: number } {
    return { bytes: this.batchEndPeakBytes, tensors: this.batchEndPeakTensors };
  }

  get totalMs(): number {
    return (this.endedAt ?? performance.now()) - this.startedAt - this.pausedMs;
  }
}

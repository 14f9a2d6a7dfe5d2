// Runs in worker and Node. Every mode reports each finished batch here: time, loss, memory. The recorder's own
// bookkeeping happens between batch marks, so it is not counted in any batch's time.
import type { ModeName } from '../shared/config';
import type { BatchMetric, MemoryReading } from '../shared/metrics';
import { readMemory } from './memory';
import type { Tf } from './tf';
import { createYielder } from './yield';

export interface StopSignal {
  stopped: boolean;
}

const YIELD_INTERVAL_MS = 50;

export class BatchRecorder {
  readonly batchMs: number[] = [];
  peakBytes = 0;
  peakTensors = 0;
  samplesSeen = 0;
  private startedAt = 0;
  private lastMark = 0;
  private endedAt: number | null = null;
  private readonly yieldIfDue = createYielder(YIELD_INTERVAL_MS);

  constructor(
    private readonly tf: Tf,
    readonly mode: ModeName,
    private readonly sink: (metric: BatchMetric) => void,
    readonly signal: StopSignal,
  ) {}

  /** Marks the start of training: everything after this, data upload included, is the mode's cost. */
  start(): void {
    this.sampleMemory();
    this.startedAt = this.lastMark = performance.now();
  }

  /** Reads backend memory and keeps the peak. Call it where a mode holds more than at batch end. */
  sampleMemory(): MemoryReading {
    const memory = readMemory(this.tf);
    if (memory.numBytes > this.peakBytes) this.peakBytes = memory.numBytes;
    if (memory.numTensors > this.peakTensors) this.peakTensors = memory.numTensors;
    return memory;
  }

  /** Records one finished batch and resolves true when the run was asked to stop. */
  async batchEnd(epoch: number, batch: number, loss: number, batchSamples: number): Promise<boolean> {
    const ms = performance.now() - this.lastMark;
    this.batchMs.push(ms);
    this.samplesSeen += batchSamples;
    const memory = this.sampleMemory();
    this.sink({ mode: this.mode, epoch, batch, loss, ms, samplesSeen: this.samplesSeen, ...memory });
    await this.yieldIfDue();
    this.lastMark = performance.now();
    return this.signal.stopped;
  }

  /** Marks the end of training (before final weights are read back for evaluation). */
  finish(): void {
    this.endedAt ??= performance.now();
  }

  get totalMs(): number {
    return (this.endedAt ?? performance.now()) - this.startedAt;
  }
}

// Runs in worker and Node. The true memory peak is reached inside the gradient step (activations and gradients
// live only there), so a reading at batch end under-reads it several-fold. This hooks tfjs' tensor registration
// (Engine.trackTensor, called for every new tensor) and keeps the highest byte and tensor counts seen.
// Cost: one extra function call and two comparisons per tensor created (measured in scripts/observer-bench.ts).
import type { Tf } from './tf';

interface EngineInternals {
  trackTensor?: (...args: unknown[]) => void;
  state: { numBytes: number; numTensors: number };
}

export class PeakTracker {
  peakBytes = 0;
  peakTensors = 0;
  /** The highest counts since the last openWindow(): one batch's in-step peak. */
  windowBytes = 0;
  windowTensors = 0;
  /** False where the hook could not be installed (another tfjs version): peaks then come from batch-end samples. */
  readonly hooked: boolean;
  /** While true (fitscope's own validation pass), allocations are not the mode's and are not counted. */
  paused = false;
  private restore: (() => void) | null = null;

  constructor(tf: Tf) {
    const engine = tf.engine() as unknown as EngineInternals;
    const original = engine.trackTensor;
    this.hooked = typeof original === 'function' && typeof engine.state?.numBytes === 'number';
    if (!this.hooked || !original) return;
    // The hook is called with the engine as `this`, so the tracker is reached through its own name.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const tracker = this;
    engine.trackTensor = function hookedTrackTensor(this: EngineInternals, ...args: unknown[]) {
      original.apply(this, args);
      if (tracker.paused) return;
      const { numBytes, numTensors } = this.state;
      if (numBytes > tracker.windowBytes) tracker.windowBytes = numBytes;
      if (numTensors > tracker.windowTensors) tracker.windowTensors = numTensors;
    };
    this.restore = () => {
      engine.trackTensor = original;
    };
  }

  /** Folds in a reading taken elsewhere (e.g. the batch-end sample). */
  observe(numBytes: number, numTensors: number): void {
    if (numBytes > this.windowBytes) this.windowBytes = numBytes;
    if (numTensors > this.windowTensors) this.windowTensors = numTensors;
    this.fold();
  }

  /**
   * Closes the current span into the run's peak and starts the next one at the given counts (what is live
   * now). The hook itself only compares against the span, so it stays two comparisons per tensor.
   */
  openWindow(numBytes: number, numTensors: number): void {
    this.fold();
    this.windowBytes = numBytes;
    this.windowTensors = numTensors;
  }

  private fold(): void {
    if (this.windowBytes > this.peakBytes) this.peakBytes = this.windowBytes;
    if (this.windowTensors > this.peakTensors) this.peakTensors = this.windowTensors;
  }

  dispose(): void {
    this.fold();
    this.restore?.();
    this.restore = null;
  }
}

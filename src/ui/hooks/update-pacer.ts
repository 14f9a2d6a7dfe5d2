// Runs in the page (no React). Spreads chart updates over frames: at most `perFrame` charts (one by default)
// take new data in any one frame, and each at most once per `minIntervalMs`. A run streams into every chart at
// once; drawing all of them in the same frame made long tasks (measured with scripts/browser-longtasks.ts),
// one per frame mostly does not. A chart turned away keeps showing its previous data and asks again shortly
// (use-paced.ts).

export interface PacerOptions {
  perFrame?: number;
  minIntervalMs?: number;
  now?: () => number;
  /** Runs a callback at the next frame (requestAnimationFrame; a timer where there is none). */
  nextFrame?: (callback: () => void) => void;
}

const defaultNextFrame = (callback: () => void) => {
  if (typeof requestAnimationFrame === 'function' && !(typeof document !== 'undefined' && document.hidden)) requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
};

export class UpdatePacer {
  readonly perFrame: number;
  readonly minIntervalMs: number;
  readonly now: () => number;
  private readonly nextFrame: (callback: () => void) => void;
  private used = 0;
  private resetPending = false;

  constructor(options: PacerOptions = {}) {
    this.perFrame = options.perFrame ?? 1;
    this.minIntervalMs = options.minIntervalMs ?? 250;
    this.now = options.now ?? (() => performance.now());
    this.nextFrame = options.nextFrame ?? defaultNextFrame;
  }

  /**
   * Whether a chart last updated at `lastUpdate` may update now; counts it against this frame when so.
   * Returns the milliseconds to wait before asking again otherwise.
   */
  admit(lastUpdate: number): true | number {
    // The allowance is per frame, not per time window: one slow render must not open a second window.
    if (!this.resetPending) {
      this.resetPending = true;
      this.nextFrame(() => {
        this.used = 0;
        this.resetPending = false;
      });
    }
    const since = this.now() - lastUpdate;
    if (since < this.minIntervalMs) return this.minIntervalMs - since;
    if (this.used >= this.perFrame) return 20;
    this.used++;
    return true;
  }
}

/** The page's one pacer: every chart shares the per-frame allowance. */
export const chartPacer = new UpdatePacer();

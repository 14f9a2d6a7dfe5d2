// Runs in the page (no React). Turns a source's change events, however many per second, into at most one
// notification per animation frame. One throttle per source, shared by every component that draws from it,
// so all of them update in the same frame and React renders once. A hidden tab gets no frames: changes wait
// in the source's bounded buffers and show up on return.

export interface ChangeSource {
  subscribe(listener: () => void): () => void;
}

type Raf = (callback: () => void) => number;

export class FrameThrottle {
  /** Advances once per frame in which the source changed: the snapshot React compares. */
  frame = 0;
  private pending: number | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(
    source: ChangeSource,
    private readonly raf: Raf = (cb) => requestAnimationFrame(cb),
    private readonly cancel: (id: number) => void = (id) => cancelAnimationFrame(id),
  ) {
    this.unsubscribe = source.subscribe(() => this.schedule());
  }

  private schedule(): void {
    if (this.pending !== null) return;
    this.pending = this.raf(() => {
      this.pending = null;
      this.frame++;
      for (const listener of this.listeners) listener();
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): number => this.frame;

  dispose(): void {
    this.unsubscribe();
    if (this.pending !== null) this.cancel(this.pending);
    this.pending = null;
  }
}

// Runs in Node, with a minimal DOM (fake-dom.ts). Components that read the run store, rendered under
// <StrictMode>: React renders each twice and mounts, unmounts and mounts each effect, which shows render side
// effects and subscriptions that do not clean up. The store must still listen to the book once, request one
// frame per burst of rows, and show what was published.
import { describe, expect, it } from 'vitest';
import { act, StrictMode } from 'react';
import { packMetrics } from '../../src/shared/metric-chunk';
import { RunBook } from '../../src/ui/chart-data/run-book';
import { RunStore, type StoreClock } from '../../src/ui/chart-data/run-store';
import { useRunSnapshot } from '../../src/ui/hooks/use-run-store';
import { RunControls } from '../../src/ui/run-controls/RunControls';
import { installFakeDom } from './fake-dom';
import { config, metrics } from './fixtures';

const document = installFakeDom();
const { createRoot } = await import('react-dom/client');

function manualClock() {
  let frames: (() => void)[] = [];
  const clock: StoreClock = {
    now: () => 0,
    frame: (callback) => {
      frames.push(callback);
      return () => (frames = frames.filter((f) => f !== callback));
    },
    timer: () => () => {},
  };
  return {
    clock,
    requested: () => frames.length,
    runFrame: () => {
      const due = frames;
      frames = [];
      for (const f of due) f();
    },
  };
}

let renders = 0;
/** Counts its renders and prints the snapshot's numbers. */
function Probe({ store }: { store: RunStore }) {
  renders++;
  const { data, received, events } = useRunSnapshot(store);
  return (
    <p>
      rows {data.version} · steps {received} · {events.phase}
    </p>
  );
}

describe('run store under StrictMode', () => {
  it('shows each publish, renders without side effects and subscribes once', async () => {
    const book = new RunBook();
    const time = manualClock();
    const store = new RunStore(book, { minIntervalMs: 0, clock: time.clock });
    const container = document.createElement('div');
    const root = createRoot(container as unknown as Element);
    await act(async () =>
      root.render(
        <StrictMode>
          <RunControls phase="idle" run={{ store }} onStop={() => {}} />
          <Probe store={store} />
        </StrictMode>,
      ),
    );
    expect(container.textContent).toContain('Ready');
    // StrictMode rendered the probe twice: rendering asked for no frame and published nothing.
    expect(renders).toBeGreaterThanOrEqual(2);
    expect(time.requested()).toBe(0);

    let run = null as unknown as ReturnType<RunBook['add']>;
    await act(async () => {
      run = book.add(config({ modes: ['loop'] }), 0);
    });
    expect(container.textContent).toContain('running');

    const rendersBefore = renders;
    await act(async () => {
      for (let i = 0; i < 3; i++) book.append(run, packMetrics(metrics('loop', 2, 2)));
    });
    // Three chunks, one frame asked for, nothing drawn yet.
    expect(time.requested()).toBe(1);
    expect(renders).toBe(rendersBefore);
    expect(container.textContent).not.toContain('steps 6');
    await act(async () => time.runFrame());
    expect(container.textContent).toContain('steps 6');
    expect(container.textContent).toContain('6 batches');
    // Rendering the publish asked for no further frame.
    expect(time.requested()).toBe(0);

    await act(async () => root.unmount());
    book.append(run, packMetrics(metrics('loop', 1, 1)));
    // Unmounted: the store no longer listens to the book (StrictMode's second mount left no subscription behind).
    expect(time.requested()).toBe(0);
  });
});

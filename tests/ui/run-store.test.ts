// Runs in Node. The run store's one pacing rule, on an injected clock: events published at once, streamed rows
// at the next frame at least the interval after the previous rows; immutable snapshots; listening to the book
// only while listened to.
import { describe, expect, it } from 'vitest';
import { packMetrics } from '../../src/shared/metric-chunk';
import { RunBook } from '../../src/ui/chart-data/run-book';
import { RunStore, type StoreClock } from '../../src/ui/chart-data/run-store';
import { config, metrics } from './fixtures';

/** A clock whose frames and timers run only when the test says so. */
function fakeClock() {
  let now = 0;
  let frames: (() => void)[] = [];
  let timers: { at: number; callback: () => void }[] = [];
  const clock: StoreClock = {
    now: () => now,
    frame: (callback) => {
      frames.push(callback);
      return () => (frames = frames.filter((f) => f !== callback));
    },
    timer: (callback, ms) => {
      const t = { at: now + ms, callback };
      timers.push(t);
      return () => (timers = timers.filter((x) => x !== t));
    },
  };
  return {
    clock,
    pendingFrames: () => frames.length,
    pendingTimers: () => timers.length,
    /** Moves time on, firing the timers due, then runs one animation frame. */
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.callback();
    },
    frame() {
      const run = frames;
      frames = [];
      for (const f of run) f();
    },
  };
}

function setup(minIntervalMs = 100) {
  const book = new RunBook();
  const time = fakeClock();
  const store = new RunStore(book, { minIntervalMs, clock: time.clock });
  let heard = 0;
  const unsubscribe = store.subscribe(() => heard++);
  return { book, store, time, unsubscribe, heard: () => heard };
}

describe('RunStore', () => {
  it("publishes a run's events at once, without waiting for a frame", () => {
    const { book, store, time, heard } = setup();
    const before = store.getSnapshot();
    const run = book.add(config({ modes: ['loop'] }), 0);
    expect(heard()).toBe(2); // the catch-up on subscribe, then the run's start
    const started = store.getSnapshot();
    expect(started).not.toBe(before);
    expect(started.events.runs).toEqual([run]);
    expect(started.events.phase).toBe('running');
    expect(started.events.live).toBe(true);
    run.phase = 'done';
    book.changed();
    expect(store.getEvents().phase).toBe('done');
    expect(store.getEvents().live).toBe(false);
    expect(time.pendingFrames()).toBe(0);
  });

  it('publishes streamed rows at most once a frame, and at most once per interval', () => {
    const { book, store, time, heard } = setup(100);
    const run = book.add(config({ modes: ['loop'] }), 0);
    const heardAtStart = heard();
    const data = store.getSnapshot().data;
    for (let i = 0; i < 5; i++) book.append(run, packMetrics(metrics('loop', 1, 1)));
    // Five chunks, one frame asked for, nothing published yet.
    expect(heard()).toBe(heardAtStart);
    expect(time.pendingFrames()).toBe(1);
    time.frame();
    expect(heard()).toBe(heardAtStart + 1);
    expect(store.getSnapshot().data).not.toBe(data);
    expect(store.getSnapshot().received).toBe(5);
    // More rows 10 ms later: they wait for the interval (a timer), then for a frame.
    time.advance(10);
    book.append(run, packMetrics(metrics('loop', 1, 1)));
    expect(time.pendingFrames()).toBe(0);
    expect(time.pendingTimers()).toBe(1);
    time.advance(89);
    expect(time.pendingFrames()).toBe(0);
    time.advance(1);
    expect(time.pendingFrames()).toBe(1);
    time.frame();
    expect(heard()).toBe(heardAtStart + 2);
    expect(store.getSnapshot().received).toBe(6);
  });

  it("keeps the charts' data as published when an event comes between two rows publishes", () => {
    const { book, store, time } = setup();
    const run = book.add(config({ modes: ['loop'] }), 0);
    time.frame();
    const data = store.getSnapshot().data;
    book.append(run, packMetrics(metrics('loop', 3, 3)));
    run.phase = 'done';
    book.changed();
    // The run's end shows now, with the batch count; the lines wait for their frame (a hidden tab has none).
    expect(store.getEvents().phase).toBe('done');
    expect(store.getSnapshot().received).toBe(3);
    expect(store.getSnapshot().data).toBe(data);
    time.frame();
    expect(store.getSnapshot().data).not.toBe(data);
  });

  it('hands out the same snapshot until the next publish', () => {
    const { book, store, time } = setup();
    const run = book.add(config({ modes: ['loop'] }), 0);
    const a = store.getSnapshot();
    expect(store.getSnapshot()).toBe(a);
    book.append(run, packMetrics(metrics('loop', 1, 1)));
    expect(store.getSnapshot()).toBe(a);
    time.frame();
    const b = store.getSnapshot();
    expect(b).not.toBe(a);
    // Events did not change with the rows: their object is kept (the page's owner does not re-render).
    expect(b.events).toBe(a.events);
    expect(b.version).toBe(a.version + 1);
  });

  it('listens to the book only while listened to, and catches up on the next subscribe', () => {
    const { book, store, time, unsubscribe } = setup();
    const run = book.add(config({ modes: ['loop'] }), 0);
    unsubscribe();
    book.append(run, packMetrics(metrics('loop', 2, 2)));
    run.phase = 'done';
    book.changed();
    // Nobody listens: nothing is scheduled and the snapshot stands still.
    expect(time.pendingFrames()).toBe(0);
    expect(store.getEvents().phase).toBe('running');
    const off = store.subscribe(() => {});
    expect(store.getEvents().phase).toBe('done');
    expect(store.getSnapshot().received).toBe(2);
    off();
  });

  it('stops a pending rows publish when the last listener leaves', () => {
    const { book, time, unsubscribe } = setup();
    const run = book.add(config({ modes: ['loop'] }), 0);
    book.append(run, packMetrics(metrics('loop', 1, 1)));
    expect(time.pendingFrames()).toBe(1);
    unsubscribe();
    expect(time.pendingFrames()).toBe(0);
  });
});

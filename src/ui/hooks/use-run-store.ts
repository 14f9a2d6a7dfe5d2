// Runs in the page. How components read the run store (chart-data/run-store.ts): useSyncExternalStore, then
// useDeferredValue. A store change re-renders its readers at once, which React does synchronously; deferring
// the value makes that pass cheap (it renders with the snapshot already shown, so memoised children bail out)
// and renders the new snapshot again in the background, in slices of a few milliseconds that a click or a key
// press can interrupt. Nothing here writes during render: what a component shows is a function of the snapshot.
import { useDeferredValue, useSyncExternalStore } from 'react';
import type { RunEvents, RunSnapshot, RunStore } from '../chart-data/run-store';

/** Every publish: streamed rows (for the charts) and events. */
export function useRunSnapshot(store: RunStore): RunSnapshot {
  return useDeferredValue(useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot));
}

/** Only the runs' events (a run added, removed, started, ended, a mode's summary): not every streamed row. */
export function useRunEvents(store: RunStore): RunEvents {
  return useDeferredValue(useSyncExternalStore(store.subscribe, store.getEvents, store.getEvents));
}

/**
 * The latest run's training steps at the last publish: a number, read without deferring, so the count keeps
 * moving even while transitions (a pointer over a chart) keep the deferred renders busy.
 */
export function useReceivedSteps(store: RunStore): number {
  return useSyncExternalStore(
    store.subscribe,
    () => store.getSnapshot().received,
    () => store.getSnapshot().received,
  );
}

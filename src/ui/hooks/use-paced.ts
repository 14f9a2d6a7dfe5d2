// Runs in the page. A value that follows `value` through the chart pacer: the latest value when the pacer
// admits an update, else the one shown before, with a retry scheduled so the latest always lands (also after
// a run ends and nothing else re-renders). Identity is what counts: pass the same object for "unchanged".
import { startTransition, useEffect, useReducer, useRef } from 'react';
import { chartPacer, type UpdatePacer } from './update-pacer';

export function usePaced<T>(value: T, pacer: UpdatePacer = chartPacer): T {
  const shown = useRef(value);
  const last = useRef(-Infinity);
  const waitMs = useRef<number | null>(null);
  const [, retry] = useReducer((n: number) => n + 1, 0);
  if (shown.current !== value) {
    const verdict = pacer.admit(last.current);
    if (verdict === true) {
      shown.current = value;
      last.current = pacer.now();
      waitMs.current = null;
    } else {
      waitMs.current = verdict;
    }
  } else {
    waitMs.current = null;
  }
  const pending = waitMs.current;
  useEffect(() => {
    if (pending === null) return;
    // A transition, as the frames' re-renders are (use-frame.ts): rendered in slices, not in one long task.
    const timer = setTimeout(() => startTransition(retry), Math.max(1, pending));
    return () => clearTimeout(timer);
  });
  return shown.current;
}

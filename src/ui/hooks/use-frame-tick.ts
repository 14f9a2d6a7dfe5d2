// Runs in the page. A counter that advances at most once per animation frame however often request() is
// called: data lands in refs as it arrives, and React renders once a frame. (A hidden tab gets no frames; the
// data keeps landing in its bounded store and shows up on return.)
import { useCallback, useEffect, useRef, useState } from 'react';

export function useFrameTick(): [tick: number, request: () => void] {
  const [tick, setTick] = useState(0);
  const pending = useRef<number | null>(null);
  const request = useCallback(() => {
    if (pending.current !== null) return;
    pending.current = requestAnimationFrame(() => {
      pending.current = null;
      setTick((t) => t + 1);
    });
  }, []);
  useEffect(
    () => () => {
      if (pending.current !== null) cancelAnimationFrame(pending.current);
      pending.current = null;
    },
    [],
  );
  return [tick, request];
}

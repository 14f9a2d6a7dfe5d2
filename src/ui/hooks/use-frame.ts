// Runs in the page. Re-renders the calling component when the throttle's source changed (at most once per
// animation frame and per the throttle's interval); returns the frame number (a cache key for derived data).
// The re-render is a transition: React renders it in slices of a few milliseconds, yielding to the browser in
// between, instead of in one task that holds the main thread for the whole of it. A click or a key press
// meanwhile goes first.
import { startTransition, useEffect, useState } from 'react';
import type { FrameThrottle } from './frame-throttle';

export function useFrame(frames: FrameThrottle): number {
  const [frame, setFrame] = useState(frames.frame);
  useEffect(() => {
    const update = () => startTransition(() => setFrame(frames.frame));
    // A change between the first render and this effect is not lost.
    update();
    return frames.subscribe(update);
  }, [frames]);
  return frame;
}

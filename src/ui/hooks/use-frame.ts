// Runs in the page. Re-renders the calling component at most once per animation frame in which the throttle's
// source changed; returns the frame number (a cache key for derived data).
import { useSyncExternalStore } from 'react';
import type { FrameThrottle } from './frame-throttle';

export function useFrame(frames: FrameThrottle): number {
  return useSyncExternalStore(frames.subscribe, frames.getSnapshot, frames.getSnapshot);
}

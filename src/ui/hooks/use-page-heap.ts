// Runs in the page. The page's own JS heap (main thread only, not the training worker), where the browser
// offers it: Chromium's non-standard performance.memory. Read once a second while mounted; null elsewhere.
import { useEffect, useState } from 'react';

export interface PageHeap {
  used: number;
  total: number;
  limit: number;
}

interface MemoryInfo {
  usedJSHeapSize: number;
  totalJSHeapSize: number;
  jsHeapSizeLimit: number;
}

export function readPageHeap(): PageHeap | null {
  const memory = (performance as Performance & { memory?: MemoryInfo }).memory;
  if (!memory || !Number.isFinite(memory.usedJSHeapSize)) return null;
  return { used: memory.usedJSHeapSize, total: memory.totalJSHeapSize, limit: memory.jsHeapSizeLimit };
}

export function usePageHeap(intervalMs = 1000): PageHeap | null {
  const [heap, setHeap] = useState<PageHeap | null>(readPageHeap);
  useEffect(() => {
    if (!readPageHeap()) return;
    const timer = setInterval(() => setHeap(readPageHeap()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return heap;
}

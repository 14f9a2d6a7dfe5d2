// Runs in Node. Many changes per frame become one notification per frame.
import { describe, expect, it } from 'vitest';
import { FrameThrottle } from '../../src/ui/hooks/frame-throttle';

describe('FrameThrottle', () => {
  it('notifies once per frame in which the source changed', () => {
    const sourceListeners = new Set<() => void>();
    const source = { subscribe: (l: () => void) => (sourceListeners.add(l), () => sourceListeners.delete(l)) };
    const frames: (() => void)[] = [];
    const throttle = new FrameThrottle(source, { raf: (cb) => frames.push(cb), cancel: () => {} });
    let heard = 0;
    throttle.subscribe(() => heard++);
    const change = () => sourceListeners.forEach((l) => l());
    for (let i = 0; i < 100; i++) change();
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect([heard, throttle.getSnapshot()]).toEqual([1, 1]);
    // No change since that frame: nothing is scheduled, and nothing more is heard.
    expect(frames).toHaveLength(0);
    expect(heard).toBe(1);
    change();
    frames.shift()!();
    expect([heard, throttle.frame]).toEqual([2, 2]);
    throttle.dispose();
    expect(sourceListeners.size).toBe(0);
  });

  it('keeps a change for a later frame when the last notification was too recent', () => {
    const sourceListeners = new Set<() => void>();
    const source = { subscribe: (l: () => void) => (sourceListeners.add(l), () => sourceListeners.delete(l)) };
    const frames: (() => void)[] = [];
    let now = 1000;
    const throttle = new FrameThrottle(source, { raf: (cb) => frames.push(cb), cancel: () => {}, minIntervalMs: 100, now: () => now });
    let heard = 0;
    throttle.subscribe(() => heard++);
    const change = () => sourceListeners.forEach((l) => l());
    change();
    frames.shift()!();
    expect(heard).toBe(1);
    change();
    // Frames 16 ms apart: nothing until 100 ms have passed, and the change is not lost meanwhile.
    for (let i = 0; i < 5; i++) {
      now += 16;
      frames.shift()!();
      expect(heard).toBe(1);
      expect(frames).toHaveLength(1);
    }
    now += 20;
    frames.shift()!();
    expect([heard, throttle.frame]).toEqual([2, 2]);
    expect(frames).toHaveLength(0);
    throttle.dispose();
  });
});

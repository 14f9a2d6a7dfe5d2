// Runs in Node. Many changes per frame become one notification per frame.
import { describe, expect, it } from 'vitest';
import { FrameThrottle } from '../../src/ui/hooks/frame-throttle';

describe('FrameThrottle', () => {
  it('notifies once per frame in which the source changed', () => {
    const sourceListeners = new Set<() => void>();
    const source = { subscribe: (l: () => void) => (sourceListeners.add(l), () => sourceListeners.delete(l)) };
    const frames: (() => void)[] = [];
    const throttle = new FrameThrottle(source, (cb) => frames.push(cb), () => {});
    let heard = 0;
    throttle.subscribe(() => heard++);
    const change = () => sourceListeners.forEach((l) => l());
    for (let i = 0; i < 100; i++) change();
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect([heard, throttle.getSnapshot()]).toEqual([1, 1]);
    frames.splice(0); // a frame without changes schedules nothing
    expect(heard).toBe(1);
    change();
    frames.shift()!();
    expect([heard, throttle.frame]).toEqual([2, 2]);
    throttle.dispose();
    expect(sourceListeners.size).toBe(0);
  });
});

// Runs in Node. Training gives the event loop a turn only when one is due, and all yielders share one
// scheduler: a host without setImmediate (a browser worker) opens one MessageChannel for its whole life.
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('createYielder', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('yields only when the interval has passed', async () => {
    const { createYielder } = await import('../../src/engine/yield');
    let clock = 0;
    const turns: number[] = [];
    const yieldIfDue = createYielder(
      50,
      () => clock,
      (resume) => {
        turns.push(clock);
        resume();
      },
    );
    await yieldIfDue();
    clock = 49;
    await yieldIfDue();
    expect(turns).toEqual([]);
    clock = 50;
    await yieldIfDue();
    clock = 80;
    await yieldIfDue();
    clock = 101;
    await yieldIfDue();
    expect(turns).toEqual([50, 101]);
  });

  it('opens one MessageChannel however many yielders there are', async () => {
    let opened = 0;
    class CountingChannel {
      port1: { onmessage: (() => void) | null } = { onmessage: null };
      port2 = { postMessage: () => queueMicrotask(() => this.port1.onmessage?.()) };
      constructor() {
        opened++;
      }
    }
    vi.stubGlobal('setImmediate', undefined);
    vi.stubGlobal('MessageChannel', CountingChannel);
    const { createYielder } = await import('../../src/engine/yield');
    let clock = 0;
    const yielders = Array.from({ length: 20 }, () => createYielder(1, () => clock));
    clock = 10;
    await Promise.all(yielders.map((y) => y()));
    expect(opened).toBe(1);
  });
});

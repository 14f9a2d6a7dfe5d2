// Runs in Node. The run keeper on an in-memory store (the browser test covers IndexedDB): done runs are saved
// and come back with their summaries and traces, Remove and Reset delete them, the cap drops the oldest with a
// notice, and a store that is unavailable, full or corrupt leaves the page working with one notice.
import { describe, expect, it } from 'vitest';
import type { ClientRunResult } from '../../src/client/trainer-client';
import { RunBook, type RunRecord } from '../../src/ui/chart-data/run-book';
import { MemoryRunStore, type RunStore, type StoredRun } from '../../src/ui/storage/run-store';
import { RunKeeper, type KeeperOptions } from '../../src/ui/storage/run-keeper';
import { tableRows } from '../../src/ui/summary-table/table-rows';
import { packMetrics } from '../../src/shared/metric-chunk';
import { config, metrics, summary } from './fixtures';

function finish(book: RunBook, run: RunRecord, batches = 4): void {
  book.append(run, packMetrics(run.config.modes.flatMap((m) => metrics(m, batches, 2, 32, (i) => ({ loss: 1 / (i + 1) })))));
  run.backend = { active: 'wasm', requested: 'auto', fallbacks: [] };
  run.machine = { backend: 'wasm', cores: 2, date: '2026-12-02T10:00:00Z' };
  run.summaries = run.config.modes.map((m, i) => summary(m, { msPerBatchMedian: 1 + i }));
  run.result = { stopped: false, notices: [] } as unknown as ClientRunResult;
  run.phase = 'done';
  book.changed();
}

function liveRun(book: RunBook, modes: RunRecord['config']['modes'] = ['fit', 'loop']): RunRecord {
  const run = book.add(config({ modes }), 0);
  finish(book, run);
  return run;
}

async function keeperOn(store: RunStore, options: KeeperOptions = {}) {
  const book = new RunBook();
  const keeper = new RunKeeper(book, store, options);
  await keeper.start();
  return { book, keeper };
}

const rows = (book: RunBook) => tableRows(book.runs).map((r) => ({ label: r.label, summary: r.summary }));

describe('keeping runs across reloads', () => {
  it('saves a done run and a reload brings it back with its table rows, traces and machine', async () => {
    const store = new MemoryRunStore();
    const { book, keeper } = await keeperOn(store);
    const run = book.add(config({ modes: ['fit', 'loop'] }), 0);
    book.changed();
    await keeper.idle();
    expect(store.runs.size).toBe(0);
    finish(book, run);
    await keeper.idle();
    expect(store.runs.size).toBe(1);

    const reloaded = await keeperOn(store);
    expect(rows(reloaded.book)).toEqual(rows(book));
    const [back] = reloaded.book.runs;
    expect(back.origin).toBe('live');
    expect(back.machine).toEqual(run.machine);
    expect(back.trace('loop')!.buffer.batches).toBe(4);
    expect(back.log.count).toBe(run.log.count);
    // Restored runs are not saved a second time.
    await reloaded.keeper.idle();
    expect(store.runs.size).toBe(1);
  });

  it('saves imported runs as imported and never saves reference runs', async () => {
    const store = new MemoryRunStore();
    const { book, keeper } = await keeperOn(store);
    const imported = book.add(config(), 0);
    imported.origin = 'imported';
    finish(book, imported);
    const reference = book.add(config(), 0);
    reference.origin = 'reference';
    finish(book, reference);
    await keeper.idle();
    expect([...store.runs.values()].map((r) => r.origin)).toEqual(['imported']);
  });

  it('Remove and Reset delete runs from the store', async () => {
    const store = new MemoryRunStore();
    const { book, keeper } = await keeperOn(store);
    const a = liveRun(book);
    liveRun(book);
    liveRun(book);
    await keeper.idle();
    expect(store.runs.size).toBe(3);
    book.remove(a.id);
    await keeper.idle();
    expect(store.runs.size).toBe(2);
    book.clear();
    await keeper.idle();
    expect(store.runs.size).toBe(0);
    expect((await keeperOn(store)).book.runs).toHaveLength(0);
  });

  it('a run removed while its save is queued is not left in the store', async () => {
    const store = new MemoryRunStore();
    const { book, keeper } = await keeperOn(store);
    const run = liveRun(book);
    book.remove(run.id);
    await keeper.idle();
    expect(store.runs.size).toBe(0);
  });

  it('drops the oldest runs past the cap of runs, with a notice', async () => {
    const store = new MemoryRunStore();
    let clock = 1000;
    const { book, keeper } = await keeperOn(store, { maxRuns: 3, now: () => clock++ });
    const ids = [liveRun(book), liveRun(book), liveRun(book), liveRun(book)].map((r) => r.id);
    await keeper.idle();
    expect(store.runs.size).toBe(3);
    expect(keeper.notices).toEqual([
      { kind: 'info', text: expect.stringMatching(new RegExp(`^Run ${ids[0]} will not come back after a reload: .*at most 3 runs`)) },
    ]);
    const back = (await keeperOn(store)).book.runs;
    expect(back.map((r) => r.config.modes)).toHaveLength(3);
    // Still on this page until the reload.
    expect(book.runs).toHaveLength(4);
  });

  it('drops the oldest runs past the cap of bytes', async () => {
    // One run's size first, then a cap that holds two and a half of them.
    const store = new MemoryRunStore();
    const size = await (async () => {
      const s = new MemoryRunStore();
      const k = await keeperOn(s);
      liveRun(k.book);
      await k.keeper.idle();
      const one = [...s.runs.values()][0];
      return one.rows.byteLength + 2 * one.facts.length;
    })();
    let clock = 1;
    const { book, keeper } = await keeperOn(store, { maxBytes: 2.5 * size, now: () => clock++ });
    liveRun(book);
    liveRun(book);
    liveRun(book);
    await keeper.idle();
    expect(store.runs.size).toBe(2);
    expect(keeper.notices).toHaveLength(1);
    expect(keeper.notices[0].text).toMatch(/^Run 1 will not come back after a reload/);
  });
});

describe('when storage fails, the page goes on and says so once', () => {
  class FailingStore extends MemoryRunStore {
    constructor(private readonly failure: { getAll?: Error; put?: Error }) {
      super();
    }
    override getAll() {
      return this.failure.getAll ? Promise.reject(this.failure.getAll) : super.getAll();
    }
    override put(run: StoredRun) {
      return this.failure.put ? Promise.reject(this.failure.put) : super.put(run);
    }
  }

  it('unavailable', async () => {
    const { book, keeper } = await keeperOn(
      new FailingStore({ getAll: new Error('this browser offers no IndexedDB'), put: new Error('no') }),
    );
    liveRun(book);
    liveRun(book);
    await keeper.idle();
    expect(book.runs).toHaveLength(2);
    expect(keeper.notices).toEqual([
      {
        kind: 'warning',
        text: "Runs will not be kept after a reload: this browser's storage cannot be used (this browser offers no IndexedDB).",
      },
    ]);
  });

  it('full', async () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const { book, keeper } = await keeperOn(new FailingStore({ put: quota }));
    liveRun(book);
    await keeper.idle();
    liveRun(book);
    await keeper.idle();
    expect(keeper.notices).toEqual([{ kind: 'warning', text: "Runs will not be kept after a reload: this browser's storage is full." }]);
  });

  it('corrupt entries are skipped and removed, the good ones restored', async () => {
    const store = new MemoryRunStore();
    const first = await keeperOn(store);
    liveRun(first.book);
    await first.keeper.idle();
    const good = [...store.runs.values()][0];
    store.runs.set('a', { ...good, key: 'a', facts: '{"run": 1, "config": ' });
    store.runs.set('b', { ...good, key: 'b', rows: new Float64Array(5) });
    store.runs.set('c', { ...good, key: 'c', facts: good.facts.replace('"batchSize":32', '"batchSize":"lots"') });
    store.runs.set('d', { key: 'd' } as unknown as StoredRun);
    const { book, keeper } = await keeperOn(store);
    expect(book.runs).toHaveLength(1);
    expect(keeper.notices).toEqual([
      { kind: 'warning', text: "4 saved runs could not be read and were removed from this browser's storage." },
    ]);
    await keeper.idle();
    expect([...store.runs.keys()]).toEqual([good.key]);
  });

  it('restoring waits for a run that is going, which stays the latest', async () => {
    const store = new MemoryRunStore();
    const first = await keeperOn(store);
    liveRun(first.book);
    await first.keeper.idle();
    const book = new RunBook();
    const going = book.add(config(), 0);
    const keeper = new RunKeeper(book, store);
    const started = keeper.start();
    await new Promise((r) => setTimeout(r, 10));
    expect(book.runs).toEqual([going]);
    finish(book, going);
    await started;
    expect(book.runs).toHaveLength(2);
  });
});

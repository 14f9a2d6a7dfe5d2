// Runs in the page (no React). Keeps the page's runs across reloads: restores the saved runs into the book,
// saves each live or imported run once it is done, deletes a run from the store when the page removes it
// (Remove, Reset), and holds the store to its cap by dropping the oldest, with a notice. Reference runs are
// never saved: their link loads them again. When the store cannot be used (unavailable, full, corrupt) the
// page goes on without it and says so once. Store operations run one at a time, in order, so a run removed
// while it is being saved is deleted after the save.
import type { RunBook, RunRecord } from '../chart-data/run-book';
import { finiteOrNull, runFacts } from '../export/export-data';
import { addRun, whenNoRunIsBusy } from '../import/add-runs';
import { checkStructure, ImportProblem } from '../import/json-checks';
import { readRun } from '../import/result-schema';
import type { NoticeItem } from '../notice/messages';
import { storedBytes, type RunStore, type StoredRun } from './run-store';

export const MAX_KEPT_RUNS = 30;
export const MAX_KEPT_BYTES = 100 * 1024 * 1024;

export interface KeeperOptions {
  maxRuns?: number;
  maxBytes?: number;
  /** Hears every notice as it is made (the keeper's list also holds them). */
  onNotice?(notice: NoticeItem): void;
  now?: () => number;
}

const reason = (e: unknown) => (e instanceof Error && e.message ? e.message : String(e));

function isStoredRun(value: unknown): value is StoredRun {
  const v = value as StoredRun;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.key === 'string' &&
    typeof v.savedAt === 'number' &&
    (v.origin === 'live' || v.origin === 'imported') &&
    typeof v.facts === 'string'
  );
}

export class RunKeeper {
  readonly notices: NoticeItem[] = [];
  private readonly saved = new Map<RunRecord, StoredRun>();
  private readonly maxRuns: number;
  private readonly maxBytes: number;
  private queue: Promise<unknown> = Promise.resolve();
  private broken = false;
  private revision = -1;
  private unsubscribe: (() => void) | null = null;
  private counter = 0;

  constructor(
    private readonly book: RunBook,
    private readonly store: RunStore,
    private readonly options: KeeperOptions = {},
  ) {
    this.maxRuns = options.maxRuns ?? MAX_KEPT_RUNS;
    this.maxBytes = options.maxBytes ?? MAX_KEPT_BYTES;
  }

  /** Restores the saved runs, then follows the book. Resolves once the saved runs are on the page. */
  async start(): Promise<void> {
    let stored: unknown[] = [];
    try {
      stored = await this.store.getAll();
    } catch (e) {
      this.fail(e);
    }
    const unreadable: string[] = [];
    if (stored.length) await whenNoRunIsBusy(this.book);
    for (const entry of stored) {
      const key = isStoredRun(entry) ? entry.key : (entry as { key?: unknown })?.key;
      try {
        if (!isStoredRun(entry)) throw new ImportProblem('', 'not a saved run');
        const facts: unknown = JSON.parse(entry.facts);
        checkStructure(facts);
        const run = readRun(facts, 'run', entry.rows);
        this.saved.set(addRun(this.book, run, entry.origin, performance.now()), entry);
      } catch {
        if (typeof key === 'string') unreadable.push(key);
      }
    }
    if (unreadable.length) {
      this.notify({
        kind: 'warning',
        text: `${unreadable.length === 1 ? 'A saved run' : `${unreadable.length} saved runs`} could not be read and ${unreadable.length === 1 ? 'was' : 'were'} removed from this browser's storage.`,
      });
      this.enqueue(() => this.store.delete(unreadable));
    }
    this.unsubscribe = this.book.subscribe(() => this.onBookChange());
    this.onBookChange();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Resolves when every store operation asked for so far has run (for tests and the page's unload). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private onBookChange(): void {
    // Per-batch appends notify too; only discrete changes (a run done, added, removed) move the revision.
    if (this.book.revision === this.revision) return;
    this.revision = this.book.revision;
    const kept = new Set(this.book.runs);
    const gone = [...this.saved].filter(([record]) => !kept.has(record));
    for (const [record] of gone) this.saved.delete(record);
    if (gone.length && !this.broken) this.enqueue(() => this.store.delete(gone.map(([, s]) => s.key)));
    if (this.broken) return;
    for (const record of this.book.runs) {
      if (record.origin === 'reference' || record.phase !== 'done' || this.saved.has(record)) continue;
      const entry = this.entryOf(record);
      this.saved.set(record, entry);
      this.enqueue(async () => {
        // Removed before its turn came: nothing to save.
        if (this.saved.get(record) !== entry) return;
        await this.store.put(entry);
        await this.holdToCap();
      });
    }
  }

  private entryOf(record: RunRecord): StoredRun {
    const savedAt = (this.options.now ?? Date.now)();
    return {
      key: `${String(savedAt).padStart(15, '0')}-${(this.counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      savedAt,
      origin: record.origin === 'imported' ? 'imported' : 'live',
      facts: JSON.stringify(runFacts(record), finiteOrNull),
      rows: record.log.rows(),
    };
  }

  /** Drops the oldest saved runs until the store is within its cap; they stay on the page until a reload. */
  private async holdToCap(): Promise<void> {
    const all = await this.store.getAll();
    let bytes = all.reduce((sum, r) => sum + storedBytes(r), 0);
    const dropped: StoredRun[] = [];
    for (const run of all) {
      if (all.length - dropped.length <= this.maxRuns && bytes <= this.maxBytes) break;
      dropped.push(run);
      bytes -= storedBytes(run);
    }
    if (!dropped.length) return;
    await this.store.delete(dropped.map((r) => r.key));
    const ids = [...this.saved].filter(([, s]) => dropped.some((d) => d.key === s.key)).map(([record]) => record.id);
    const which = ids.length
      ? `Run${ids.length === 1 ? '' : 's'} ${ids.join(', ')}`
      : `${dropped.length} older run${dropped.length === 1 ? '' : 's'}`;
    this.notify({
      kind: 'info',
      text: `${which} will not come back after a reload: this browser keeps at most ${this.maxRuns} runs or ${Math.round(this.maxBytes / 1048576)} MB.`,
    });
  }

  private enqueue(operation: () => Promise<void>): void {
    this.queue = this.queue.then(operation).catch((e: unknown) => this.fail(e));
  }

  private fail(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    const full = error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
    this.notify({
      kind: 'warning',
      text: `Runs will not be kept after a reload: ${full ? "this browser's storage is full" : `this browser's storage cannot be used (${reason(error)})`}.`,
    });
  }

  private notify(notice: NoticeItem): void {
    this.notices.push(notice);
    this.options.onNotice?.(notice);
  }
}

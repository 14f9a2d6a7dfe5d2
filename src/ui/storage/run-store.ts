// Runs in the page (pure). Where kept runs are saved between visits, behind an interface so that the keeping
// logic (run-keeper.ts) is tested with an in-memory store and runs on IndexedDB in the browser.
import type { RunOrigin } from '../chart-data/run-book';

export interface StoredRun {
  /** Unique; sorts by save time. */
  key: string;
  /** Date.now() when saved: the oldest go first when the store is over its cap. */
  savedAt: number;
  origin: Exclude<RunOrigin, 'reference'>;
  /** The run as the result document holds it, without batches (export-data.ts runFacts), as JSON text. */
  facts: string;
  /** The batch log's rows, row-major in the metric-row layout: the charts are rebuilt from them. */
  rows: Float64Array;
}

export interface RunStore {
  /** Every saved run, oldest first. Rejects when the store cannot be opened or read. */
  getAll(): Promise<StoredRun[]>;
  put(run: StoredRun): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
}

/** Bytes a saved run takes, roughly: its rows plus its text (two bytes a character). */
export function storedBytes(run: Pick<StoredRun, 'facts' | 'rows'>): number {
  return run.rows.byteLength + 2 * run.facts.length;
}

/** A store in memory: for tests, and the model the IndexedDB store follows. */
export class MemoryRunStore implements RunStore {
  readonly runs = new Map<string, StoredRun>();

  async getAll(): Promise<StoredRun[]> {
    return [...this.runs.values()].sort((a, b) => a.savedAt - b.savedAt || (a.key < b.key ? -1 : 1));
  }

  async put(run: StoredRun): Promise<void> {
    // IndexedDB stores a structured clone, never the caller's object.
    this.runs.set(run.key, { ...run, rows: run.rows.slice() });
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.runs.delete(key);
  }
}

// Runs in the page. The run store on IndexedDB: one object store of saved runs keyed by `key`; the rows go in
// as a Float64Array (structured clone, no text). Every failure (no IndexedDB, a private window, a full disk,
// a blocked upgrade) rejects, and the keeper says once that runs will not be kept.
import type { RunStore, StoredRun } from './run-store';

const DB_NAME = 'fitscope';
const DB_VERSION = 1;
const STORE = 'runs';
/** An open blocked by another tab's old version would otherwise wait for ever. */
const OPEN_TIMEOUT_MS = 5000;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted'));
  });
}

function open(factory: IDBFactory, onClosed: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the browser did not open its storage in time')), OPEN_TIMEOUT_MS);
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    req.onsuccess = () => {
      clearTimeout(timer);
      // Another tab (or a test) deleting or upgrading the database must not wait for this page to close.
      req.result.onversionchange = () => {
        req.result.close();
        onClosed();
      };
      resolve(req.result);
    };
    req.onerror = () => {
      clearTimeout(timer);
      reject(req.error ?? new Error('IndexedDB could not be opened'));
    };
  });
}

export class IndexedDbRunStore implements RunStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory | undefined = globalThis.indexedDB) {}

  private database(): Promise<IDBDatabase> {
    if (!this.factory) return Promise.reject(new Error('this browser offers no IndexedDB'));
    // A failed open is not cached: the next call tries again.
    this.db ??= open(this.factory, () => (this.db = null)).catch((e: unknown) => {
      this.db = null;
      throw e;
    });
    return this.db;
  }

  async getAll(): Promise<StoredRun[]> {
    const db = await this.database();
    const all = (await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll())) as StoredRun[];
    return all.sort((a, b) => a.savedAt - b.savedAt);
  }

  async put(run: StoredRun): Promise<void> {
    const db = await this.database();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(run);
    await done(tx);
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const db = await this.database();
    const tx = db.transaction(STORE, 'readwrite');
    for (const key of keys) tx.objectStore(STORE).delete(key);
    await done(tx);
  }
}

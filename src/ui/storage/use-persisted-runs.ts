// Runs in the page. Keeps the book's runs in this browser (IndexedDB) across reloads: started once, with the
// page's book; `enabled` false (the embed view without keep=1) stores and restores nothing. Returns the
// keeper's notices (the store's cap reached, storage unusable, saved runs unreadable).
import { useEffect, useState } from 'react';
import type { RunBook } from '../chart-data/run-book';
import type { NoticeItem } from '../notice/messages';

/** One keeper per book, whatever StrictMode's double effects do. */
const keepers = new WeakSet<RunBook>();

export function usePersistedRuns(book: RunBook, enabled: boolean): readonly NoticeItem[] {
  const [notices, setNotices] = useState<readonly NoticeItem[]>([]);
  useEffect(() => {
    if (!enabled || keepers.has(book)) return;
    keepers.add(book);
    // Loaded after the first paint, in its own chunk with the importer's checks (the main bundle's budget).
    void Promise.all([import('./indexeddb-store'), import('./run-keeper')]).then(([{ IndexedDbRunStore }, { RunKeeper }]) => {
      const keeper = new RunKeeper(book, new IndexedDbRunStore(), { onNotice: () => setNotices([...keeper.notices]) });
      return keeper.start();
    });
    // The keeper lives as long as the page's book: it is not stopped on StrictMode's trial unmount.
  }, [book, enabled]);
  return notices;
}

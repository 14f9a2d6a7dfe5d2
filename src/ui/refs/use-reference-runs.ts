// Runs in the page. Loads the reference runs a link names (`ref=`) once, when the page opens, and adds them
// to the book as reference runs (drawn faintly, labelled with their machine), before the reader presses Run.
// Returns what could not be loaded, as notices.
import { useEffect, useState } from 'react';
import type { RunBook } from '../chart-data/run-book';
import type { NoticeItem } from '../notice/messages';

/** Books that have had their references: StrictMode runs effects twice, the references load once. */
const loaded = new WeakSet<RunBook>();

export function useReferenceRuns(book: RunBook, names: readonly string[]): readonly NoticeItem[] {
  const [notices, setNotices] = useState<readonly NoticeItem[]>([]);
  // Only the link the page was opened with: a later address names no new references.
  const [opened] = useState(names);
  useEffect(() => {
    if (opened.length === 0 || loaded.has(book)) return;
    loaded.add(book);
    void (async () => {
      // On demand, with the importer's checks, in their own chunk (the main bundle's budget).
      const [{ addRuns, whenNoRunIsBusy }, { loadReferences }] = await Promise.all([
        import('../import/add-runs'),
        import('./load-references'),
      ]);
      const { runs, notices: problems } = await loadReferences(opened, document.baseURI);
      await whenNoRunIsBusy(book);
      addRuns(book, runs, 'reference', performance.now());
      if (problems.length) setNotices(problems);
    })();
  }, [book, opened]);
  return notices;
}

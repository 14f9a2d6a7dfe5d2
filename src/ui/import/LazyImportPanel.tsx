// Runs in the page. The import card loads on demand, in its own chunk with the importer's checks: not needed
// for the first paint, and the main bundle has a size budget (tests/budgets).
import { lazy, Suspense } from 'react';
import type { RunBook } from '../chart-data/run-book';

const ImportPanel = lazy(() => import('./ImportPanel').then((m) => ({ default: m.ImportPanel })));

export function LazyImportPanel(props: { book: RunBook }) {
  return (
    <Suspense fallback={null}>
      <ImportPanel {...props} />
    </Suspense>
  );
}

// Runs in the page. The code view loads on demand, in its own chunk: its generators are not needed for the
// first paint, and the main bundle has a size budget (tests/budgets).
import { lazy, memo, Suspense } from 'react';
import type { RunConfig } from '../../shared/config';

const CodeView = lazy(() => import('./CodeView').then((m) => ({ default: m.CodeView })));

// memo: the page re-renders at each of a run's events; the code changes only with the config.
export const LazyCodeView = memo(function LazyCodeView(props: { config: RunConfig }) {
  return (
    <Suspense fallback={null}>
      <CodeView {...props} />
    </Suspense>
  );
});

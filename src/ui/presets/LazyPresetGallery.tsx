// Runs in the page. The preset gallery loads on demand, in its own chunk, like the code view: it sits below the
// results and the main bundle has a size budget (tests/budgets).
import { lazy, memo, Suspense } from 'react';
import type { PresetGalleryProps } from './PresetGallery';

const PresetGallery = lazy(() => import('./PresetGallery').then((m) => ({ default: m.PresetGallery })));

// memo: the page re-renders at each of a run's events; the gallery changes only with the config.
export const LazyPresetGallery = memo(function LazyPresetGallery(props: PresetGalleryProps) {
  return (
    <Suspense fallback={null}>
      <PresetGallery {...props} />
    </Suspense>
  );
});

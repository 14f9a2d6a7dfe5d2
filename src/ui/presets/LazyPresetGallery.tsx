// Runs in the page. The preset gallery loads on demand, in its own chunk, like the code view: it sits below the
// results and the main bundle has a size budget (tests/budgets).
import { lazy, Suspense } from 'react';
import type { PresetGalleryProps } from './PresetGallery';

const PresetGallery = lazy(() => import('./PresetGallery').then((m) => ({ default: m.PresetGallery })));

export function LazyPresetGallery(props: PresetGalleryProps) {
  return (
    <Suspense fallback={null}>
      <PresetGallery {...props} />
    </Suspense>
  );
}

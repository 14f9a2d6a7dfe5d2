// Runs in the page. A value kept (the same object) while a key that describes it reads the same, so a chart
// sees no change at all when what it draws did not change, though the inputs were rebuilt.
import { useState } from 'react';

/**
 * What `make` builds, kept while `key` reads the same; `key` must capture everything `make` reads. Held in
 * state rather than a memo (React may drop a memo's cache): when the key moves, the new value is stored during
 * render, React's pattern for information from previous renders, and the component renders again at once,
 * before its children.
 */
export function useKeyedValue<T>(key: string, make: () => T): T {
  const [held, setHeld] = useState(() => ({ key, value: make() }));
  if (held.key === key) return held.value;
  const next = { key, value: make() };
  setHeld(next);
  return next.value;
}

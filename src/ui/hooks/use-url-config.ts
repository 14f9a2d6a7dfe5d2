// Runs in the page. The config lives in the address bar: read once on load, written (replaceState, no history
// entry) on every edit. The decoder's warnings are kept for the notice area.
import { useCallback, useState } from 'react';
import type { RunConfig } from '../../shared/config';
import { readLocation, writeLocation } from '../../preset/browser-location';

export interface UrlConfig {
  config: RunConfig;
  setConfig(config: RunConfig): void;
  /** What the decoder repaired or ignored in the link the page was opened with. */
  warnings: readonly string[];
  autorun: boolean;
}

export function useUrlConfig(): UrlConfig {
  const [initial] = useState(readLocation);
  const [config, setState] = useState(initial.config);
  const setConfig = useCallback((next: RunConfig) => {
    setState(next);
    writeLocation(next);
  }, []);
  return { config, setConfig, warnings: initial.warnings, autorun: initial.autorun };
}

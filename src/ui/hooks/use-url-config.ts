// Runs in the page. The setup lives in the address bar: read once on load, written (replaceState, no history
// entry) on every edit of the config or of the view settings. The decoder's warnings are kept for the notice.
import { useCallback, useRef, useState } from 'react';
import type { RunConfig } from '../../shared/config';
import type { ViewSettings } from '../../shared/view-settings';
import { readLocation, writeLocation } from '../app/browser-location';
import type { LinkView } from '../../links/view-settings';

export interface UrlConfig {
  config: RunConfig;
  setConfig(config: RunConfig): void;
  /**
   * The charts' view settings (x axis, log scale, smoothing, hidden result panels) and what the link says
   * about the page itself (embed view, autorun, hidden page parts; fixed by the link).
   */
  link: LinkView;
  /** Replaces link.view. */
  setView(view: ViewSettings): void;
  /** What the decoder repaired or ignored in the link the page was opened with. */
  warnings: readonly string[];
}

interface UrlState {
  config: RunConfig;
  link: LinkView;
}

export function useUrlConfig(): UrlConfig {
  const [initial] = useState(readLocation);
  const [state, setState] = useState<UrlState>(() => ({ config: initial.config, link: { view: initial.view, page: initial.page } }));
  // Both setters build on the latest state, also when called twice before a render.
  const latest = useRef(state);
  const commit = useCallback((next: UrlState) => {
    latest.current = next;
    setState(next);
    writeLocation(next.config, next.link);
  }, []);
  const setConfig = useCallback((config: RunConfig) => commit({ ...latest.current, config }), [commit]);
  const setView = useCallback((view: ViewSettings) => commit({ ...latest.current, link: { ...latest.current.link, view } }), [commit]);
  return {
    config: state.config,
    setConfig,
    setView,
    link: state.link,
    warnings: initial.warnings,
  };
}

// Runs in the page only: the one file that touches window.location (the link codec, src/links, is pure). The address bar follows the setup
// with replaceState, so editing a field never adds a history entry.
import type { RunConfig } from '../../shared/config';
import { decodeQuery, encodeQuery, type DecodedQuery } from '../../links/url-codec';
import type { LinkView } from '../../links/view-settings';

export function readLocation(): DecodedQuery {
  return decodeQuery(window.location.search);
}

/** The query for `config` and `link` as the address bar keeps it: autorun is an action of the opened link, not state. */
export function addressQuery(config: RunConfig, link: LinkView): string {
  return encodeQuery(config, { view: link.view, page: { ...link.page, autorun: false } });
}

export function writeLocation(config: RunConfig, link: LinkView): void {
  const url = `${window.location.pathname}?${addressQuery(config, link)}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}

/** An absolute link to this page with `query`. */
export function pageUrl(query: string): string {
  return `${window.location.origin}${window.location.pathname}${query ? `?${query}` : ''}`;
}

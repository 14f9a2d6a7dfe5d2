// Runs in the page only: the one file of src/preset that touches window. The address bar follows the config
// with replaceState, so editing a field never adds a history entry.
import type { RunConfig } from '../shared/config';
import { decodeQuery, encodeQuery, type DecodedQuery } from './url-codec';

export function readLocation(): DecodedQuery {
  return decodeQuery(window.location.search);
}

export function writeLocation(config: RunConfig): void {
  const query = encodeQuery(config);
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}

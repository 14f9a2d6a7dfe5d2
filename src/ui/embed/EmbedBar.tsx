// Runs in the page. The compact view's header: the name, and a link that opens the full app with the same setup
// in a new tab (outside the host page's frame).
import type { RunConfig } from '../../shared/config';
import { pageUrl } from '../app/browser-location';
import { encodeQuery } from '../../links/url-codec';
import type { LinkView } from '../../links/view-settings';
import './embed.css';

export interface EmbedBarProps {
  config: RunConfig;
  link: LinkView;
}

/** The full app's link for a setup: the same config and chart view, without the embed's page options. */
export function fullAppQuery(config: RunConfig, link: LinkView): string {
  return encodeQuery(config, { view: link.view });
}

export function EmbedBar({ config, link }: EmbedBarProps) {
  return (
    <header className="embed-bar" data-testid="embed-bar">
      <span className="embed-name">fitscope</span>
      <span className="embed-what muted">{config.modes.join(' · ')}</span>
      <a className="embed-open" href={pageUrl(fullAppQuery(config, link))} target="_blank" rel="noopener" data-testid="open-full-app">
        Open in fitscope ↗
      </a>
    </header>
  );
}

// Runs in the page (pure). What the Share menu copies: the link to this setup, and an <iframe> snippet of the
// compact embed view with the same setup.
import type { RunConfig } from '../../shared/config';
import { encodeQuery } from '../../links/url-codec';
import type { LinkView } from '../../links/view-settings';

export interface ShareOptions {
  /** Add autorun=1: the reader's page starts the run at once. */
  autorun: boolean;
}

/** `base` is the page's address without query (origin + path). */
export function shareLink(base: string, config: RunConfig, link: LinkView, options: ShareOptions): string {
  return `${base}?${encodeQuery(config, { view: link.view, page: { hidden: link.page.hidden, autorun: options.autorun } })}`;
}

export function embedSnippet(base: string, config: RunConfig, link: LinkView, options: ShareOptions): string {
  const src = `${base}?${encodeQuery(config, { view: link.view, page: { embed: true, autorun: options.autorun } })}`;
  const title = `fitscope: ${config.modes.join(', ')} on ${config.dataset}`;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${escape(src)}" title="${escape(title)}" width="100%" height="640" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

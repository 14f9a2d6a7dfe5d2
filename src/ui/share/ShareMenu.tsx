// Runs in the page. The Share menu: the link to this setup and an <iframe> snippet of the compact embed view,
// each in a read-only field (select it and copy by hand) with a Copy button.
import { memo, useId, useRef, useState } from 'react';
import type { RunConfig } from '../../shared/config';
import type { LinkView } from '../../links/view-settings';
import { embedSnippet, shareLink } from './share-text';
import './share.css';

export interface ShareMenuProps {
  config: RunConfig;
  link: LinkView;
}

async function copy(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an iframe, an old browser): select the text so Ctrl+C takes it.
    field?.focus();
    field?.select();
    return false;
  }
}

// memo: the page re-renders at each of a run's events; the links change only with the config.
export const ShareMenu = memo(function ShareMenu({ config, link }: ShareMenuProps) {
  const id = useId();
  const [autorun, setAutorun] = useState(false);
  const [status, setStatus] = useState('');
  const linkField = useRef<HTMLInputElement>(null);
  const snippetField = useRef<HTMLTextAreaElement>(null);
  const base = `${window.location.origin}${window.location.pathname}`;
  const url = shareLink(base, config, link, { autorun });
  const snippet = embedSnippet(base, config, link, { autorun });
  const onCopy = async (what: string, text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => {
    setStatus((await copy(text, field)) ? `${what} copied.` : `${what} selected: press Ctrl+C (⌘C) to copy.`);
  };
  return (
    <details className="share" data-testid="share-menu" onToggle={() => setStatus('')}>
      <summary>Share</summary>
      <div className="share-body card">
        <label htmlFor={`${id}-link`}>Link to this setup</label>
        <div className="share-row">
          <input
            id={`${id}-link`}
            ref={linkField}
            type="text"
            readOnly
            value={url}
            data-testid="share-link"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => onCopy('Link', url, linkField.current)}>
            Copy
          </button>
        </div>
        <label htmlFor={`${id}-embed`}>Embed in a page (iframe, works from 320 px wide)</label>
        <div className="share-row">
          <textarea
            id={`${id}-embed`}
            ref={snippetField}
            readOnly
            rows={3}
            value={snippet}
            data-testid="share-embed"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => onCopy('Snippet', snippet, snippetField.current)}>
            Copy
          </button>
        </div>
        <label className="check">
          <input type="checkbox" checked={autorun} onChange={(e) => setAutorun(e.currentTarget.checked)} />
          Start the run when the page opens (autorun)
        </label>
        <p className="share-status muted" role="status">
          {status}
        </p>
      </div>
    </details>
  );
});

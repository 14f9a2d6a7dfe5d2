// Runs in the page (pure). Where a reference result file lives: `refs/<name>.json` next to the page (so the
// app works from any sub-path), for the names the app ships only. The link codec already keeps `ref` to those
// names; this checks again, so that nothing but a same-origin file of the list is ever fetched.
import { REFERENCE_RUNS, referencePath, type ReferenceRunName } from '../../links/reference-runs';

const isShipped = (name: string): name is ReferenceRunName => (REFERENCE_RUNS as readonly string[]).includes(name);

/** The file's URL, or a reason why the name cannot be loaded. `page` is the page's own address (document.baseURI). */
export function referenceUrl(name: string, page: string): { url: string } | { problem: string } {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(name) || !isShipped(name)) {
    return {
      problem: `${JSON.stringify(name.slice(0, 60))} is not one of the reference runs this app ships (${REFERENCE_RUNS.join(', ')})`,
    };
  }
  const base = new URL(page);
  const url = new URL(referencePath(name), base);
  if (url.origin !== base.origin) return { problem: `${name} would load from another origin (${url.origin})` };
  return { url: url.href };
}

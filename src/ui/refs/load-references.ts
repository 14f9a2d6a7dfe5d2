// Runs in the page. Fetches the reference result files a link names (same origin only, no redirects) and
// reads them with the importer's checks. Each file that cannot be used becomes one notice; the others load.
import { MAX_FILE_BYTES } from '../import/limits';
import { readResultText } from '../import/read-result';
import type { ImportedRun } from '../import/result-schema';
import type { NoticeItem } from '../notice/messages';
import { referenceUrl } from './reference-url';

export interface LoadedReferences {
  /** Runs of every file that loaded, in the order the link names them. */
  runs: ImportedRun[];
  notices: NoticeItem[];
}

type Fetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'headers' | 'text' | 'url'>>;

async function loadOne(name: string, page: string, fetcher: Fetch): Promise<ImportedRun[]> {
  const target = referenceUrl(name, page);
  if ('problem' in target) throw new Error(target.problem);
  const response = await fetcher(target.url, { credentials: 'same-origin', redirect: 'error' });
  if (!response.ok) throw new Error(`the app answered ${response.status} for ${target.url}`);
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_FILE_BYTES) throw new Error('the file is larger than a fitscope result can be');
  const read = readResultText(await response.text(), 'the file');
  if (!read.ok) throw new Error(read.message.replace(/\.$/, ''));
  return read.runs;
}

export async function loadReferences(
  names: readonly string[],
  page: string,
  fetcher: Fetch = (u, i) => fetch(u, i),
): Promise<LoadedReferences> {
  const results = await Promise.allSettled(names.map((name) => loadOne(name, page, fetcher)));
  const runs: ImportedRun[] = [];
  const notices: NoticeItem[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') runs.push(...result.value);
    else
      notices.push({
        kind: 'warning',
        text: `Reference run "${names[i]}" was not loaded: ${(result.reason as Error)?.message ?? String(result.reason)}.`,
      });
  });
  return { runs, notices };
}

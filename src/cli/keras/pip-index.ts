// Runs in Node. Which package index the venv installs from. Where pip is configured with local indexes
// (file:// or localhost URLs, e.g. a machine without internet access), pip is told to use only those:
// left in the search path, an unreachable public index costs three retries per package (minutes).
import { spawnSync } from 'node:child_process';

export interface IndexChoice {
  /** Environment variables for pip; empty when pip's own configuration is left alone. */
  env: Record<string, string>;
  /** What was chosen, in one line. */
  description: string;
}

const isLocal = (url: string) => /^file:|^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/i.test(url);

/** Index URLs from `pip config list` output (index-url first, then extra-index-url), in order. */
export function indexUrlsFromPipConfig(output: string): string[] {
  const urls: { key: string; url: string }[] = [];
  for (const line of output.split('\n')) {
    const m = /^[^=]*\.(index-url|extra-index-url)='(.*)'$/.exec(line.trim());
    if (!m) continue;
    for (const url of m[2].split(/\s+/).filter(Boolean)) urls.push({ key: m[1], url });
  }
  return [...urls.filter((u) => u.key === 'index-url'), ...urls.filter((u) => u.key === 'extra-index-url')].map((u) => u.url);
}

export function chooseIndex(pipConfigOutput: string | null): IndexChoice {
  if (pipConfigOutput === null)
    return { env: {}, description: '`pip config list` failed: pip uses its own settings (it may need the network)' };
  const local = [...new Set(indexUrlsFromPipConfig(pipConfigOutput).filter(isLocal))];
  if (local.length === 0)
    return { env: {}, description: 'no local package index in `pip config list`: pip uses its own settings (it may need the network)' };
  const [first, ...rest] = local;
  return {
    env: { PIP_INDEX_URL: first, PIP_EXTRA_INDEX_URL: rest.join(' ') },
    description: `local package index${local.length > 1 ? 'es' : ''} from pip's configuration: ${local.join(', ')}`,
  };
}

export function readPipConfig(python: string): string | null {
  const result = spawnSync(python, ['-m', 'pip', 'config', 'list'], { encoding: 'utf8', timeout: 60_000 });
  return result.status === 0 ? result.stdout : null;
}

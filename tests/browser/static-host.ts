// Runs in Node (test helper). A plain static file server, as a shared web host would be: it serves one folder
// under a sub-path (e.g. /x/y/fitscope/) with a Content-Type by file extension and no other headers (no
// COOP/COEP, no CSP, no caching rules), and answers 404 for anything else. It records every request it answered,
// with its status, so a test can check that the page asked only for files that exist.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

export interface ServedRequest {
  path: string;
  status: number;
}

export interface StaticHost {
  /** The folder's address, ending in '/', e.g. http://127.0.0.1:4321/x/y/fitscope/ */
  url: string;
  /** Every request answered so far, in order. */
  served: ServedRequest[];
  close(): Promise<void>;
}

/** Serves `folder` under `subPath` ('/x/y/fitscope/': leading and trailing slash) on 127.0.0.1, a free port. */
export async function serveFolder(folder: string, subPath: string): Promise<StaticHost> {
  if (!/^\/(.+\/)?$/.test(subPath)) throw new Error(`subPath must start and end with '/', got ${JSON.stringify(subPath)}`);
  const root = resolve(folder);
  const served: ServedRequest[] = [];

  /** The file a request path names, or null when it is outside the folder. */
  const fileFor = (pathname: string): string | null => {
    if (!pathname.startsWith(subPath)) return null;
    const file = resolve(join(root, decodeURIComponent(pathname.slice(subPath.length))));
    return file === root || file.startsWith(root + sep) ? file : null;
  };

  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://host').pathname;
    const answer = (status: number, headers: Record<string, string> = {}, body?: string) => {
      served.push({ path: pathname, status });
      response.writeHead(status, headers).end(body);
    };
    // A folder's address without its slash: redirect, as static servers do (the app's links are relative to it).
    if (`${pathname}/` === subPath) return answer(301, { Location: subPath });
    let file: string | null;
    try {
      file = fileFor(pathname);
    } catch {
      file = null; // a malformed %-escape
    }
    if (!file || request.method !== 'GET') return answer(file ? 405 : 404);
    const found = file;
    void (async () => {
      let path = found;
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info?.isFile()) return answer(404);
      served.push({ path: pathname, status: 200 });
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
        'Content-Length': String(info.size),
      });
      createReadStream(path).pipe(response);
    })();
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${subPath}`,
    served,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

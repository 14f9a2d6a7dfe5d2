// Each runtime has its own TypeScript configuration (docs/architecture.md): a worker file that touches the DOM,
// or an engine file that touches the DOM or Node's process, does not compile; the page may use the DOM.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
// Inside the project (ignored by git), so that tsc finds the type packages from node_modules.
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
const dir = mkdtempSync(join(ROOT, '.tmp', 'runtimes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Type-checks one file of `source` under tsconfig.<runtime>.json's settings; returns tsc's errors. */
function check(runtime: string, source: string): string {
  const file = join(dir, `${runtime}-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, `${source}\nexport {};\n`);
  const config = join(dir, `tsconfig.${runtime}.${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(config, JSON.stringify({ extends: join(ROOT, `tsconfig.${runtime}.json`), include: [], files: [file] }));
  const result = spawnSync(process.execPath, [TSC, '--noEmit', '-p', config], { encoding: 'utf8', timeout: 120_000 });
  return result.status === 0 ? '' : result.stdout;
}

describe('a tsconfig per runtime', () => {
  it('refuses the DOM in worker code', () => {
    expect(check('worker', 'document.title = "x";')).toMatch(/Cannot find name 'document'/);
    expect(check('worker', 'self.postMessage(performance.now());')).toBe('');
  });

  it('refuses the DOM in engine and shared code', () => {
    expect(check('core', 'window.alert("x");')).toMatch(/Cannot find name 'window'/);
    expect(check('core', 'const t: number = performance.now(); void t;')).toBe('');
  });

  it('lets the page use the DOM', () => {
    expect(check('page', 'document.title = "x";')).toBe('');
  });
});

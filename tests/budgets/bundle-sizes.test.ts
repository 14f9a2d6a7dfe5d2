// Runs in Node. Which scripts count as the main bundle: those index.html loads, whatever the build's base.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSizes } from '../../scripts/lib/bundle-sizes';

function fakeBuild(html: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fitscope-sizes-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'assets', 'index.js'), 'console.log("entry");'.repeat(50));
  writeFileSync(join(dir, 'assets', 'vendor.js'), 'console.log("vendor");'.repeat(50));
  writeFileSync(join(dir, 'assets', 'lazy.js'), 'console.log("lazy");');
  return dir;
}

describe('bundleSizes', () => {
  for (const base of ['/', './']) {
    it(`counts the entry and its preloads as the main bundle with base '${base}'`, () => {
      const dir = fakeBuild(
        `<script type="module" src="${base}assets/index.js"></script><link rel="modulepreload" href="${base}assets/vendor.js">`,
      );
      const sizes = bundleSizes(dir);
      expect(sizes.main).toBeGreaterThan(0);
      expect(Object.keys(sizes.lazy)).toEqual(['assets/lazy.js']);
    });
  }

  it('refuses an index.html that loads no script from assets/', () => {
    const dir = fakeBuild('<p>no scripts</p>');
    expect(() => bundleSizes(dir)).toThrow(/loads no script from assets/);
  });
});

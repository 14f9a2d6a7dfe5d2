// The README's generated sections (URL keys, presets) match the code that reads the URL: `npm run docs`
// rewrites them, and this fails when someone changes a table without running it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyRows, keyTableMarkdown, presetListMarkdown, updateReadme } from '../../scripts/lib/readme-sections';
import { VIEW_KEYS } from '../../src/links/view-settings';
import { FIELD_TABLE } from '../../src/shared/config';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has the generated sections as the code makes them (run `npm run docs` after changing a key or a preset)', () => {
    expect(updateReadme(README)).toBe(README);
    expect(README).toContain(keyTableMarkdown());
    expect(README).toContain(presetListMarkdown());
  });

  it("lists every key the codec reads, once, and keeps the Quick start's two commands at the top", () => {
    const keys = keyRows().map((r) => r.key);
    expect(keys).toEqual(['v', ...FIELD_TABLE.map((f) => f.key), ...VIEW_KEYS.map((k) => k.key)]);
    for (const key of keys) expect(README.match(new RegExp(`^\\| \`${key}\` \\|`, 'gm'))?.length, key).toBe(1);
    expect(README.indexOf('## Quick start')).toBeLessThan(README.indexOf('## Links'));
    expect(README).toMatch(/```sh\nnpm install && npm start\nnpm test\n```/);
  });

  it('refuses a README whose markers are missing', () => {
    expect(() => updateReadme('# no markers')).toThrow(/url-keys/);
  });
});

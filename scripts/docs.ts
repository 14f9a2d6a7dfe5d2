// Rewrites the README's generated sections (URL keys, presets) from the code: `npm run docs`.
// tests/scripts/readme-sections.test.ts fails when someone forgets.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { updateReadme } from './lib/readme-sections';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(path, 'utf8');
const after = updateReadme(before);
if (after === before) console.log('README.md is up to date');
else {
  writeFileSync(path, after);
  console.log('README.md: generated sections rewritten');
}

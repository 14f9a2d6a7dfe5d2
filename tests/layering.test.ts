// The one-way imports of DESIGN.md, checked on the source: the UI never loads tfjs or the engine, the engine
// never touches the DOM, React or Comlink, and src/shared imports nothing outside itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]/g),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
}

const rules: Record<string, RegExp[]> = {
  'src/shared': [/^@tensorflow/, /^react/, /^comlink/, /^recharts/, /\.\.\/(engine|worker|client|ui|links|presets|codegen|cli)\b/],
  'src/engine': [/^react/, /^comlink/, /^recharts/, /\.\.\/(worker|client|ui|links|presets|codegen|cli)\b/],
  'src/links': [/^@tensorflow/, /^react/, /^comlink/, /\.\.\/(engine|worker|client|ui|presets|codegen|cli)\b/],
  'src/presets': [/^@tensorflow/, /^react/, /^comlink/, /\.\.\/(engine|worker|client|ui|codegen|cli)\b/],
  'src/codegen': [/^@tensorflow/, /^react/, /^comlink/, /\.\.\/(engine|worker|client|ui|presets|cli)\b/],
  'src/client': [/^@tensorflow/, /^react/, /\.\.\/(engine|ui|cli)\b/],
  'src/ui': [/^@tensorflow/, /^comlink/, /\.\.\/(engine|worker|cli)\b/],
};

describe('layering', () => {
  for (const [dir, forbidden] of Object.entries(rules)) {
    it(`${dir} imports only what its layer may`, () => {
      let files: string[];
      try {
        files = sourceFiles(dir);
      } catch {
        return; // a layer that does not exist yet has nothing to break
      }
      const violations = files.flatMap((file) =>
        importsOf(file)
          .filter((spec) => forbidden.some((re) => re.test(spec)))
          .map((spec) => `${relative('.', file)} → ${spec}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it('the engine uses no DOM globals', () => {
    const dom = /\b(window|document|requestAnimationFrame|localStorage)\b/;
    const offenders = sourceFiles('src/engine').filter((f) => dom.test(readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });
});

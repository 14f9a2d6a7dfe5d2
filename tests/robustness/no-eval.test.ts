// The app's own code never evaluates strings as code (the page's Content-Security-Policy forbids it, and the
// URL, CSV files and postMessage data are untrusted).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/vite-plugins/csp';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.(ts|tsx|js|mjs)$/.test(n) ? [join(dir, n)] : [],
  );
}

describe('no code from strings', () => {
  it('src/ and public/ contain no eval, new Function, string timers or innerHTML', () => {
    const offenders = [...files('src'), ...files('public')].flatMap((file) => {
      const text = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
      return [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bset(Timeout|Interval)\s*\(\s*['"`]/, /\.innerHTML\s*=/, /dangerouslySetInnerHTML/]
        .filter((re) => re.test(text))
        .map((re) => `${file}: ${re}`);
    });
    expect(offenders).toEqual([]);
  });

  it("the page's policy allows no inline or foreign scripts", () => {
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    const tokens = CONTENT_SECURITY_POLICY.split(/[; ]+/);
    expect(tokens).not.toContain("'unsafe-eval'");
    expect(tokens.filter((t) => /^(https?:|\*)/.test(t))).toEqual([]);
  });
});

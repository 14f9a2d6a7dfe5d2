import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsOrigin, appMessage, parentOrigin, readHostConfig, readHostMessage } from '../../src/links/embed-protocol';
import { DEFAULT_CONFIG, type RunConfig } from '../../src/shared/config';

describe('embed protocol', () => {
  it('acts on run, stop and set-config from fitscope hosts', () => {
    expect(readHostMessage({ source: 'fitscope', type: 'run' })).toEqual({ kind: 'command', command: { type: 'run' } });
    expect(readHostMessage({ source: 'fitscope', type: 'stop' })).toEqual({ kind: 'command', command: { type: 'stop' } });
    const set = readHostMessage({ source: 'fitscope', type: 'set-config', config: { samples: 512, modes: ['loop'], backend: 'cpu' } });
    expect(set).toEqual({
      kind: 'command',
      command: { type: 'set-config', config: { ...DEFAULT_CONFIG, samples: 512, modes: ['loop'], backend: 'cpu' } },
    });
    // A run may carry its config; a query string works like a link.
    const run = readHostMessage({ source: 'fitscope', type: 'run', config: 'samples=256&modes=fit,loop' });
    expect(run).toMatchObject({ kind: 'command', command: { type: 'run', config: { samples: 256, modes: ['fit', 'loop'] } } });
  });

  it('ignores anything else, without a word', () => {
    for (const data of [
      null,
      undefined,
      'run',
      42,
      [],
      { type: 'run' },
      { source: 'other', type: 'run' },
      { source: 'fitscope', type: 'explode' },
      { source: 'fitscope', type: 'ready' },
      { source: 'fitscope' },
    ]) {
      expect(readHostMessage(data)).toEqual({ kind: 'ignore' });
    }
  });

  it('reports a bad config as invalid, naming each problem, and does not act on it', () => {
    const bad = readHostMessage({ source: 'fitscope', type: 'set-config', config: { samples: 'lots', batchSize: -1, colour: 'red' } });
    expect(bad.kind).toBe('invalid');
    const problems = bad.kind === 'invalid' ? bad.problems.join('\n') : '';
    for (const word of ['samples', 'batch', 'colour']) expect(problems).toContain(word);
    expect(readHostMessage({ source: 'fitscope', type: 'set-config' })).toMatchObject({ kind: 'invalid' });
    expect(readHostMessage({ source: 'fitscope', type: 'run', config: 7 })).toMatchObject({ kind: 'invalid' });
    expect(readHostConfig('samples=12')).toMatchObject({ problems: [expect.stringContaining('samples')] });
  });

  it('never throws, and every command carries a valid config', () => {
    const data = fc.oneof(
      fc.anything(),
      fc.record(
        {
          source: fc.constantFrom('fitscope', 'x'),
          type: fc.constantFrom('run', 'stop', 'set-config', 'ready', 'nope'),
          config: fc.oneof(
            fc.anything(),
            fc.string(),
            fc.dictionary(fc.constantFrom('samples', 'modes', 'epochs', 'lr', 'x'), fc.anything()),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(data, (d) => {
        const result = readHostMessage(d);
        if (result.kind === 'command' && 'config' in result.command && result.command.config) {
          const config: RunConfig = result.command.config;
          expect(readHostConfig(config)).toEqual({ config });
        }
      }),
      { numRuns: 500 },
    );
  });

  it("knows the parent's origin from ancestorOrigins or the referrer, and checks messages against it", () => {
    expect(parentOrigin(['https://blog.example'], '')).toBe('https://blog.example');
    expect(parentOrigin(undefined, 'https://blog.example/post/1?x=2')).toBe('https://blog.example');
    expect(parentOrigin([], '')).toBeNull();
    expect(parentOrigin(undefined, 'not a url')).toBeNull();
    expect(acceptsOrigin('https://blog.example', 'https://blog.example')).toBe(true);
    expect(acceptsOrigin('https://evil.example', 'https://blog.example')).toBe(false);
    expect(acceptsOrigin('https://any.example', null)).toBe(true);
  });

  it('builds app messages with the fitscope source', () => {
    expect(appMessage('error', { message: 'no' })).toEqual({ source: 'fitscope', type: 'error', message: 'no' });
  });
});

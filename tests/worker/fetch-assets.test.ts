// Runs in Node: where the worker looks for the app's data files, for the dev server's absolute base and the
// build's relative one, served from the root or from a nested sub-path.
import { describe, expect, it } from 'vitest';
import { appRootUrl } from '../../src/worker/fetch-assets';

describe('appRootUrl', () => {
  it('an absolute base names the root on the worker origin, wherever the worker script is (dev server)', () => {
    expect(appRootUrl('/', 'assets', 'http://127.0.0.1:5173/src/worker/entry.ts?worker_file&type=module').href).toBe(
      'http://127.0.0.1:5173/',
    );
    expect(appRootUrl('/tools/fitscope/', 'assets', 'https://example.org/tools/fitscope/assets/entry-1.js').href).toBe(
      'https://example.org/tools/fitscope/',
    );
  });

  it('a relative base is the folder above the assets folder the built worker sits in', () => {
    expect(appRootUrl('./', 'assets', 'http://host/x/y/fitscope/assets/entry-abc.js').href).toBe('http://host/x/y/fitscope/');
    expect(appRootUrl('./', 'assets', 'http://host/assets/entry-abc.js').href).toBe('http://host/');
    expect(appRootUrl('', 'assets', 'http://host/a/assets/entry.js').href).toBe('http://host/a/');
  });

  it('counts the folders of a nested or empty assets folder', () => {
    expect(appRootUrl('./', 'static/js', 'http://host/app/static/js/entry.js').href).toBe('http://host/app/');
    expect(appRootUrl('./', './static/', 'http://host/app/static/entry.js').href).toBe('http://host/app/');
    expect(appRootUrl('./', '', 'http://host/app/entry.js').href).toBe('http://host/app/');
  });

  it('a full URL base is used as it is', () => {
    expect(appRootUrl('https://cdn.example.org/fitscope/', 'assets', 'https://cdn.example.org/fitscope/assets/e.js').href).toBe(
      'https://cdn.example.org/fitscope/',
    );
  });
});

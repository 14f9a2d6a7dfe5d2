// Builds and serves the app once for the enclosing describe block (Vitest hooks; scripts use startApp).
import { afterAll, beforeAll } from 'vitest';
import { startApp, type AppHarness } from './harness';

export function useApp(): () => AppHarness {
  let app: AppHarness | undefined;
  beforeAll(async () => {
    app = await startApp();
  }, 300_000);
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('the app is not being served');
    return app;
  };
}

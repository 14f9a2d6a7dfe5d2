// Test helper: the Keras venv, set up once (npm run keras:setup's code) and reused; when Python or the
// packages cannot be had, the reason is printed and the tests that need Keras skip.
import { ensureKerasVenv, type SetupResult } from '../../src/cli/keras/venv';

let setup: Promise<SetupResult> | null = null;

export async function kerasVenv(): Promise<SetupResult> {
  setup ??= ensureKerasVenv({ log: (line) => process.stderr.write(`${line}\n`) }).then((result) => {
    if (!result.ok) process.stderr.write(`Keras tests skipped: ${result.reason}\n`);
    return result;
  });
  return setup;
}

// `npm run keras:setup`: makes (or reuses) the Keras runner's venv, .venv-keras/ at the project root, from the
// package index pip is configured with. Exit 0 ready, 5 when Python or the packages cannot be had.
import { MISSING_EXIT } from '../../src/cli/keras/paths';
import { ensureKerasVenv } from '../../src/cli/keras/venv';

const result = await ensureKerasVenv({ log: (line) => process.stderr.write(`${line}\n`) });
if (result.ok) {
  process.stdout.write(
    `${result.reused ? 'reused' : 'made'} ${result.venvDir}: Keras ${result.versions.keras} / TensorFlow ${result.versions.tensorflow} (Python ${result.versions.python})\n`,
  );
} else {
  process.stderr.write(`keras setup failed: ${result.reason}\n`);
  process.exitCode = MISSING_EXIT;
}

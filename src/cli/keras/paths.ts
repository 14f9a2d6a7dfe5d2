// Runs in Node. Where the Keras runner's pieces live: the Python script, its requirements, and the venv
// (`.venv-keras/` at the project root, or FITSCOPE_KERAS_VENV).
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..', '..');
export const KERAS_SCRIPT_DIR = join(PROJECT_ROOT, 'scripts', 'keras');
export const KERAS_RUNNER = join(KERAS_SCRIPT_DIR, 'fitscope_keras.py');
export const KERAS_REQUIREMENTS = join(KERAS_SCRIPT_DIR, 'requirements.txt');

export function kerasVenvDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.FITSCOPE_KERAS_VENV || join(PROJECT_ROOT, '.venv-keras');
}

export function venvPython(venvDir: string): string {
  return process.platform === 'win32' ? join(venvDir, 'Scripts', 'python.exe') : join(venvDir, 'bin', 'python');
}

/** The runner exits with this when Python, TensorFlow or Keras is missing (the Node driver too). */
export const MISSING_EXIT = 5;
export const SETUP_HINT = 'npm run keras:setup';

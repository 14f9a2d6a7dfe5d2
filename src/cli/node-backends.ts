// Runs in Node. The CLI host's backends: tfjs' cpu (always), wasm (its .wasm files ship in the npm package),
// and webgpu through Dawn when asked for by name. 'auto' means wasm, then cpu: Dawn on a GPU-less machine is a
// functional path, not a fast one, so it is never picked silently.
import '@tensorflow/tfjs-backend-wasm';
import { activateBackend, type BackendProbes } from '../engine/backend';
import type { Tf } from '../engine/tf';
import type { BackendName, BackendPreference } from '../shared/config';
import { ERROR_NAMES, FitscopeError } from '../shared/errors';
import type { BackendInfo } from '../shared/metrics';

export const NODE_AUTO_ORDER: readonly BackendName[] = ['wasm', 'cpu'];

export async function activateNodeBackend(
  tf: Tf,
  preference: BackendPreference,
  requiredKernels: readonly string[] = [],
): Promise<BackendInfo> {
  if (preference === 'webgl') {
    throw new FitscopeError(ERROR_NAMES.backendUnavailable, 'webgl is a browser backend; in Node use cpu, wasm or webgpu');
  }
  const probes: BackendProbes = {};
  if (preference === 'webgpu') {
    // Loaded only when asked for: Dawn must put navigator.gpu in place before tfjs' webgpu backend is imported.
    const { registerNodeWebGPU } = await import('./node-webgpu');
    probes.webgpu = (await registerNodeWebGPU()).probe;
  }
  const info = await activateBackend(tf, preference, probes, NODE_AUTO_ORDER, requiredKernels);
  // The cpu backend greets Node users once with advice to install tfjs-node, which cannot be installed here
  // (it downloads a native binary); the CLI already says which backend runs.
  if (info.active === 'cpu') (tf.backend() as { firstUse?: boolean }).firstUse = false;
  return info;
}

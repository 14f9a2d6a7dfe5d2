// Runs in worker and Node. Activates a backend and reports what tfjs really runs. tf.setBackend() can fail
// quietly (and tf.ready() then picks another), so the answer is always read back from tf.getBackend().
// Registering backends is the host's job; a host may pass probes that explain why a backend is unusable.
import { AUTO_BACKEND_ORDER, type BackendName, type BackendPreference } from '../shared/config';
import { ERROR_NAMES, FitscopeError } from '../shared/errors';
import type { BackendFallback, BackendInfo } from '../shared/metrics';
import type { Tf } from './tf';

export interface ProbeResult {
  /** Why the backend cannot run here; absent when it can. */
  unavailable?: string;
  /** Adapter description where there is one (WebGPU). */
  adapter?: string;
}

export type BackendProbes = Partial<Record<BackendName, () => Promise<ProbeResult>>>;

/**
 * `requiredKernels` (see kernels.ts) rules out a backend that cannot train the model: 'auto' moves on to the
 * next one and says why; a backend asked for by name fails with the missing kernel named.
 */
export async function activateBackend(
  tf: Tf,
  preference: BackendPreference,
  probes: BackendProbes = {},
  available: readonly BackendName[] = AUTO_BACKEND_ORDER,
  requiredKernels: readonly string[] = [],
): Promise<BackendInfo> {
  const candidates = preference === 'auto' ? available : [preference];
  const fallbacks: BackendFallback[] = [];
  for (const name of candidates) {
    // The probe first: it knows why a backend is missing (no adapter, say), which is why it was never registered.
    const probe: ProbeResult =
      (await probes[name]?.().catch((e: unknown): ProbeResult => ({ unavailable: String((e as Error)?.message ?? e) }))) ?? {};
    if (probe.unavailable || !tf.findBackendFactory(name)) {
      fallbacks.push({ backend: name, reason: probe.unavailable ?? `${name} is not available in this host` });
      continue;
    }
    const missing = requiredKernels.filter((kernel) => !tf.getKernel(kernel, name));
    if (missing.length) {
      fallbacks.push({
        backend: name,
        reason: `${name} cannot train this model: it has no ${missing.join(', ')} kernel${missing.length > 1 ? 's' : ''}`,
      });
      continue;
    }
    let failure = 'the backend failed to initialise';
    try {
      if (await tf.setBackend(name)) await tf.ready();
    } catch (e) {
      failure = `initialisation threw: ${(e as Error)?.message ?? e}`;
    }
    if (tf.getBackend() === name) {
      return { active: name, requested: preference, fallbacks, ...(probe.adapter ? { adapter: probe.adapter } : {}) };
    }
    fallbacks.push({ backend: name, reason: failure });
  }
  const tried = fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ');
  throw new FitscopeError(ERROR_NAMES.backendUnavailable, `No backend could start (${tried})`);
}

// Runs in the worker and in Node. The engine reports a backend whose package did not register it as "not
// available in this host". A backend package skips registration when the platform lacks the API (tfjs-backend-
// webgpu does so without navigator.gpu), so this asks the host's probe why, and puts that reason in its place.
import { AUTO_BACKEND_ORDER, type BackendName, type BackendPreference } from '../shared/config';
import type { BackendProbes } from '../engine/backend';
import type { Tf } from '../engine/tf';

export interface ReasonRewriter {
  rewrite(backend: BackendName, reason: string): string;
  /** Rewrites the engine's "No backend could start (name: reason; …)" text. */
  rewriteText(text: string): string;
}

const genericReason = (name: BackendName): string => `${name} is not available in this host`;

export async function explainUnregistered(tf: Tf, preference: BackendPreference, probes: BackendProbes, available: readonly BackendName[] = AUTO_BACKEND_ORDER): Promise<ReasonRewriter> {
  const candidates = preference === 'auto' ? available : [preference];
  const better = new Map<BackendName, string>();
  for (const name of candidates) {
    const probe = probes[name];
    if (!probe || tf.findBackendFactory(name)) continue;
    const result = await probe().catch((e: unknown) => ({ unavailable: String((e as Error)?.message ?? e) }));
    if (result.unavailable) better.set(name, result.unavailable);
  }
  return {
    rewrite: (backend, reason) => (reason === genericReason(backend) ? better.get(backend) ?? reason : reason),
    rewriteText: (text) => {
      let out = text;
      for (const [name, reason] of better) out = out.replace(`${name}: ${genericReason(name)}`, `${name}: ${reason}`);
      return out;
    },
  };
}

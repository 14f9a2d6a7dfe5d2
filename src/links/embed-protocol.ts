// Runs everywhere (pure). The postMessage protocol between an embedded fitscope and the page that frames it.
// The app posts {source: 'fitscope', type: 'ready' | 'progress' | 'run-end' | 'error', ...} to its parent and
// accepts {source: 'fitscope', type: 'run' | 'stop' | 'set-config', config?} from it. This file only reads and
// builds messages: it checks where a message came from and what shape it has, and never acts on anything else.
import type { RunConfig } from '../shared/config';
import { normalizeConfig } from '../shared/config-coerce';
import type { BackendInfo, ModeSummary } from '../shared/metrics';
import { decodeQuery } from './url-codec';

export const PROTOCOL_SOURCE = 'fitscope';
export const PROTOCOL_VERSION = 1;

/** What the app tells its parent. */
export type AppMessage =
  | { source: 'fitscope'; type: 'ready'; version: number; config: RunConfig }
  | { source: 'fitscope'; type: 'progress'; phase: 'running' | 'stopping'; batches: number; modesDone: number; modes: number }
  | {
      source: 'fitscope';
      type: 'run-end';
      config: RunConfig;
      summaries: ModeSummary[];
      backend: BackendInfo | null;
      stopped: boolean;
      batches: number;
    }
  | { source: 'fitscope'; type: 'error'; message: string; problems?: string[] };

/** A host message the app acts on, with its config already checked. */
export type HostCommand = { type: 'run'; config?: RunConfig } | { type: 'stop' } | { type: 'set-config'; config: RunConfig };

export type HostMessageResult =
  /** Not for us (another source, an unknown type, not an object): ignored without a word. */
  | { kind: 'ignore' }
  | { kind: 'command'; command: HostCommand }
  /** For us but unusable (a bad config): answered with an error message, not acted on. */
  | { kind: 'invalid'; message: string; problems: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A config from a host: an object of RunConfig field names (`{samples: 512, modes: ['fit']}`) or a query string
 * as in a link (`'samples=512&modes=fit'`). Fields left out take their defaults, as in a link. Anything the
 * decoder would have to repair makes the whole config invalid: a host gets told, not silently corrected.
 */
export function readHostConfig(raw: unknown): { config: RunConfig } | { problems: string[] } {
  if (typeof raw === 'string') {
    const decoded = decodeQuery(raw);
    return decoded.warnings.length ? { problems: decoded.warnings } : { config: decoded.config };
  }
  if (!isRecord(raw)) return { problems: ['config must be an object of RunConfig fields or a query string'] };
  const { config, warnings } = normalizeConfig(raw, 'name');
  return warnings.length ? { problems: warnings } : { config };
}

/** Reads one message's data. Call it only for messages that came from the parent window (see acceptsOrigin). */
export function readHostMessage(data: unknown): HostMessageResult {
  if (!isRecord(data) || data.source !== PROTOCOL_SOURCE) return { kind: 'ignore' };
  const type = data.type;
  if (type === 'stop') return { kind: 'command', command: { type: 'stop' } };
  if (type !== 'run' && type !== 'set-config') return { kind: 'ignore' };
  if (data.config === undefined) {
    return type === 'run'
      ? { kind: 'command', command: { type: 'run' } }
      : { kind: 'invalid', message: 'set-config needs a config', problems: [] };
  }
  const read = readHostConfig(data.config);
  if ('problems' in read) return { kind: 'invalid', message: `${type}: invalid config`, problems: read.problems };
  return { kind: 'command', command: { type, config: read.config } };
}

/**
 * The parent page's origin, where the browser tells it: location.ancestorOrigins (Chromium, Safari), else the
 * referrer's origin. Null when neither says (e.g. a host page with Referrer-Policy: no-referrer).
 */
export function parentOrigin(ancestorOrigins: ArrayLike<string> | undefined, referrer: string): string | null {
  if (ancestorOrigins && ancestorOrigins.length > 0 && ancestorOrigins[0] && ancestorOrigins[0] !== 'null') return ancestorOrigins[0];
  try {
    const origin = referrer ? new URL(referrer).origin : '';
    return origin && origin !== 'null' ? origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a message from the parent window may drive the app: when the parent's origin is known, only messages
 * from that origin count (a navigated-away frame or a stray script cannot drive the run).
 */
export function acceptsOrigin(messageOrigin: string, expected: string | null): boolean {
  return expected === null || messageOrigin === expected;
}

export function appMessage<T extends AppMessage['type']>(
  type: T,
  body: Omit<Extract<AppMessage, { type: T }>, 'source' | 'type'>,
): Extract<AppMessage, { type: T }> {
  return { source: PROTOCOL_SOURCE, type, ...body } as Extract<AppMessage, { type: T }>;
}

// Runs in the page (pure). Turns what went wrong into sentences for the notice area. Errors from the worker
// keep only name and message, so this branches on the name.
import { ERROR_NAMES } from '../../shared/errors';

export type NoticeKind = 'error' | 'warning' | 'info';

export interface NoticeItem {
  kind: NoticeKind;
  text: string;
}

export function describeRunError(error: unknown): NoticeItem {
  const name = (error as Error | undefined)?.name ?? '';
  const message = (error as Error | undefined)?.message || String(error);
  switch (name) {
    case ERROR_NAMES.backendUnavailable:
      return { kind: 'error', text: `${message}. Choose another backend, or auto to fall back on its own.` };
    case ERROR_NAMES.workerLost:
      return { kind: 'error', text: `${message}.` };
    case ERROR_NAMES.runInProgress:
      return { kind: 'warning', text: `${message}.` };
    case ERROR_NAMES.invalidConfig:
      return { kind: 'error', text: `${message}.` };
    default:
      return { kind: 'error', text: `The run failed: ${name && name !== 'Error' ? `${name}: ` : ''}${message}` };
  }
}

/** What the URL decoder changed in the opened link, as one notice however many there were. */
export function urlWarnings(warnings: readonly string[]): NoticeItem[] {
  if (warnings.length === 0) return [];
  if (warnings.length === 1) return [{ kind: 'warning', text: `Link setting ${warnings[0]}.` }];
  return [{ kind: 'warning', text: `The link was read with ${warnings.length} changes: ${warnings.join('; ')}.` }];
}

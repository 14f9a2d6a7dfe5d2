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

export function urlWarnings(warnings: readonly string[]): NoticeItem[] {
  return warnings.map((w) => ({ kind: 'warning', text: `Link setting ${w}.` }));
}

// Runs everywhere. Error names travel across the worker boundary (Comlink keeps only name/message/stack),
// so callers branch on `error.name`, never on instanceof.
export const ERROR_NAMES = {
  backendUnavailable: 'BackendUnavailableError',
  runInProgress: 'RunInProgressError',
  invalidConfig: 'InvalidConfigError',
  /** The data itself is unusable (a malformed CSV): the message names the line and column. */
  invalidData: 'InvalidDataError',
  workerLost: 'WorkerLostError',
} as const;

export type FitscopeErrorName = (typeof ERROR_NAMES)[keyof typeof ERROR_NAMES];

export class FitscopeError extends Error {
  constructor(name: FitscopeErrorName, message: string) {
    super(message);
    this.name = name;
  }
}

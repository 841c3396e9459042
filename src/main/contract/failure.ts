// A failure a service raises on purpose: it reaches the caller as {ok: false, error}.
import type { ErrorCode, FieldError } from '../../shared/result';

export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

export const fieldFailure = (path: string, code: string, params?: FieldError['params']): AppFailure =>
  new AppFailure('validation_failed', `Invalid field ${path}: ${code}`, [
    params ? { path, code, params } : { path, code },
  ]);

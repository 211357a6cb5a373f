// The one error vocabulary every transport and screen shares. Codes are stable (tests and the
// renderer switch on them); messages are plain English for the person at the screen.

export const errorCodes = [
  'invalid_input',
  'not_set_up',
  'already_set_up',
  'locked',
  'wrong_passphrase',
  'wrong_recovery_key',
  'rate_limited',
  'forbidden',
  'not_found',
  'conflict',
  'newer_file',
  'damaged_file',
  'unknown_method',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one field of an input, addressed by its path (e.g. `['dateOfBirth']`). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** For `rate_limited`: how long before another attempt will be considered. */
  retryAfterSeconds?: number;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services; the dispatcher turns it into an `ApiResult` failure. */
export class ApiFailure extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, extra: { issues?: FieldIssue[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.issues = extra.issues;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message };
    if (this.issues) error.issues = this.issues;
    if (this.retryAfterSeconds !== undefined) error.retryAfterSeconds = this.retryAfterSeconds;
    return error;
  }
}

/** A failure about one field, shown beside that field. */
export function fieldFailure(path: (string | number)[], message: string): ApiFailure {
  return new ApiFailure('invalid_input', message, { issues: [{ path, message }] });
}

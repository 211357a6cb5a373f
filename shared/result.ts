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
  'disk_full',
  'read_only_folder',
  'busy_file',
  'disk_error',
  'backup_refused',
  'unknown_method',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * What the storage failures say, in the words shown at the screen: what happened, and the way out.
 * `damaged_file` messages are made where the damage is found (they name the last backup).
 */
export const storageMessages = {
  disk_full: 'The disk is full: nothing was saved. Free some space and try again.',
  read_only_folder:
    'The folder that holds the records cannot be written to (it is read-only, or you do not have permission): nothing was saved. Ask your IT support to make the folder writable, then try again.',
  busy_file:
    'The records file is busy: another program is using it (perhaps a second copy of Escalation Log, a backup or a sync program). Nothing was saved. Close the other program, then try again.',
  disk_error:
    'The records file could not be read or written: the disk, or the network connection to it, failed. Nothing was saved. Check the drive, then try again.',
} as const;

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

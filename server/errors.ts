/**
 * The one error catalogue (STYLE.md habit 4). Services throw `AppError`s with a stable code;
 * the HTTP error handler turns them into `{code, message, details?}` with the status below,
 * and the command line prints the message and exits 1 (2 for bad usage).
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_MISMATCH: 403,
  FORBIDDEN: 403,
  PROJECT_NOT_FOUND: 404,
  SOLUTION_NOT_FOUND: 404,
  IMAGE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  PROJECT_EXISTS: 409,
  USER_EXISTS: 409,
  /** An admin tried to demote or disable themself: another admin must do it. */
  SELF_LOCKOUT: 409,
  TOKEN_NOT_FOUND: 404,
  ANNOTATION_INVALID: 422,
  NOT_ASSIGNED: 409,
  JOB_RUNNING: 409,
  IMPORT_RUNNING: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Fields the API contract puts at the top level of the error body (e.g. `current` on 409). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

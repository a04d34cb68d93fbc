import { ErrorDtoSchema } from '../../shared/schemas/api';

/**
 * Any failed call: `status` is the HTTP status (0 when the server could not be reached),
 * `code` the server's stable error code (SPEC §8), `body` the raw JSON body for codes that
 * carry more than `details` (VERSION_CONFLICT carries `current`).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly body?: unknown,
  ) {
    super(message);
  }

  /** Builds the error from a non-2xx response body (which may not even be JSON). */
  static fromBody(status: number, body: unknown): ApiError {
    const parsed = ErrorDtoSchema.safeParse(body);
    if (parsed.success) {
      return new ApiError(status, parsed.data.code, parsed.data.message, parsed.data.details, body);
    }
    // Tolerate a body with a code but no message (e.g. a bare {code, current} conflict).
    const code = (body as { code?: unknown } | null | undefined)?.code;
    return new ApiError(status, typeof code === 'string' ? code : `HTTP_${status}`, `The server answered ${status}.`, undefined, body);
  }
}

/** The problems list of a 422 ANNOTATION_INVALID (`details.problems`), or []. */
export function problemsOf(error: ApiError): string[] {
  const details = error.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? details.problems.filter((p) => typeof p === 'string') : [];
}

/** A message for a person, for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

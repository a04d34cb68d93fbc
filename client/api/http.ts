import type { z } from 'zod';
import { CSRF_HEADER } from '../../shared/constants';
import { ApiError } from './api-error';

/**
 * The one place that talks HTTP. Every call sends the session cookie (same origin), the CSRF
 * token on writes, parses the response with the shared zod schema, and throws ApiError.
 */

interface ApiConfig {
  /** The CSRF token of the signed-in session (MeDto.csrfToken), read at call time. */
  csrfToken: () => string | null;
  /** Called when a call other than sign-in gets 401: the session has ended. */
  onUnauthorized: () => void;
}

let config: ApiConfig = { csrfToken: () => null, onUnauthorized: () => {} };

export function configureApi(next: Partial<ApiConfig>): void {
  config = { ...config, ...next };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface CallOptions {
  /** JSON body; omitted means no body and no Content-Type. */
  body?: unknown;
  /** A 401 here is an answer, not an ended session (sign-in with a wrong password). */
  unauthorizedIsAnswer?: boolean;
  /** Outlives the page (fetch keepalive, body ≤ 64 KiB): the last save as a tab closes. */
  keepalive?: boolean;
}

async function send(method: Method, path: string, options: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const token = config.csrfToken();
  if (method !== 'GET' && token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      ...(options.keepalive ? { keepalive: true } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached. Check your connection and try again.');
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => undefined);
  const error = ApiError.fromBody(response.status, body);
  if (response.status === 401 && !options.unauthorizedIsAnswer) config.onUnauthorized();
  throw error;
}

async function parse<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, 'BAD_RESPONSE', 'The server sent an answer this page does not understand.', parsed.error.issues);
  }
  return parsed.data;
}

/** A call whose 2xx answer is JSON of `schema`. */
export async function call<T>(method: Method, path: string, schema: z.ZodType<T>, options: CallOptions = {}): Promise<T> {
  return parse(await send(method, path, options), schema);
}

/** A call that may answer 204 No Content (→ null) instead of JSON of `schema`. */
export async function callOptional<T>(method: Method, path: string, schema: z.ZodType<T>, options: CallOptions = {}): Promise<T | null> {
  const response = await send(method, path, options);
  if (response.status === 204) return null;
  return parse(response, schema);
}

/** A call whose answer carries nothing we need (e.g. 204). */
export async function callVoid(method: Method, path: string, options: CallOptions = {}): Promise<void> {
  await send(method, path, options);
}

/** Path segments are data: encode them. */
export const segment = (value: string | number) => encodeURIComponent(String(value));

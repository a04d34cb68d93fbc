/**
 * When to send a chat-completions request again. Retried: 429, 5xx, network errors and timeouts,
 * up to `maxRetries` times after the first attempt. Not retried: any other status (a 400 will
 * not get better). The wait is exponential backoff with full jitter — a random delay in
 * [0, min(cap, base·2^attempt)) — unless the server said how long in Retry-After, which wins
 * (capped too, so a hostile header cannot stall a run for a day).
 */
export interface RetryPolicy {
  maxRetries: number;
  /** First backoff ceiling, ms. */
  baseDelayMs: number;
  /** Largest wait, ms, backoff or Retry-After. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 60_000 };

/** What happened to one attempt: an HTTP status (with its Retry-After header), or no answer. */
export type AttemptOutcome =
  | { kind: 'status'; status: number; retryAfter?: string | null; /** The start of the error body, for the report. */ detail?: string }
  | { kind: 'network'; message: string };

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * `attempt` counts attempts made so far (1 after the first). `random` returns [0, 1).
 * `now` is for HTTP-date Retry-After values.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
  now: Date = new Date(),
): RetryDecision {
  if (outcome.kind === 'status' && !isRetryableStatus(outcome.status)) {
    return { retry: false, reason: `HTTP ${outcome.status} is not retried` };
  }
  if (attempt > policy.maxRetries) {
    return { retry: false, reason: `gave up after ${attempt} attempts` };
  }
  const told = outcome.kind === 'status' ? retryAfterMs(outcome.retryAfter, now) : null;
  if (told !== null) return { retry: true, delayMs: Math.min(told, policy.maxDelayMs) };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return { retry: true, delayMs: Math.floor(random() * ceiling) };
}

/** Retry-After as delta-seconds or an HTTP-date → ms to wait; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: Date = new Date()): number | null {
  if (header === null || header === undefined || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

import { AppError } from '../errors';
import { sha256Hex } from './secrets';

const MINUTE_MS = 60_000;

/**
 * The Bearer-token rate limit (SPEC §9 limits): at most `perMinute` requests per token in each
 * clock minute (a fixed window: 12:00:00–12:00:59, then a fresh count).
 *
 * PER INSTANCE, on purpose for now: the counts live in this process's memory, so N server
 * processes behind one balancer allow up to N × perMinute. Sharing them needs two columns on
 * api_tokens (rate_window_start, rate_window_count) and one `UPDATE … SET count = CASE WHEN
 * window_start = :minute THEN count + 1 ELSE 1 END, window_start = :minute WHERE id = :id
 * RETURNING count` per request; the schema is not ours to change in this task, so that is
 * proposed rather than done. A count in memory also costs no database write per request.
 *
 * Only tokens that authenticated are counted, so the map holds at most one entry per live token
 * (random garbage tokens fail earlier with 401 and are never stored); stale windows are dropped
 * as the map is walked once a minute.
 */
export class TokenRateLimiter {
  private readonly windows = new Map<string, { minute: number; count: number }>();
  private prunedMinute = 0;

  constructor(readonly perMinute: number) {}

  /** Counts one request by this token; throws RATE_LIMITED (429, Retry-After) once over the limit. */
  take(token: string, now: Date): void {
    const minute = Math.floor(now.getTime() / MINUTE_MS);
    this.prune(minute);
    const key = sha256Hex(token);
    let window = this.windows.get(key);
    if (!window || window.minute !== minute) {
      window = { minute, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.perMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((minute + 1) * MINUTE_MS - now.getTime()) / 1000));
      throw new AppError(
        'RATE_LIMITED',
        `this API token is over its limit of ${this.perMinute} requests per minute (REDLINE_TOKEN_RATE_PER_MINUTE); try again in ${retryAfterSeconds} s`,
        { retryAfterSeconds, limitPerMinute: this.perMinute },
      );
    }
    window.count += 1;
  }

  private prune(minute: number): void {
    if (minute === this.prunedMinute) return;
    this.prunedMinute = minute;
    for (const [key, window] of this.windows) if (window.minute < minute) this.windows.delete(key);
  }
}

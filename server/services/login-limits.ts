import { and, desc, eq, gt, lt, or } from 'drizzle-orm';
import type { Database, Orm } from '../db/connection';
import { AppError } from '../errors';

/**
 * Sign-in rate limits, kept in the database so every instance sees the same counts (SPEC §9).
 * Sliding window: a sign-in is refused while the window holds USER_LIMIT failures for the name
 * (counted since that name's last success) or IP_LIMIT failures from the address. Refused
 * attempts are not recorded, so hammering a blocked name does not extend its block: it lifts
 * when the oldest counted failure leaves the window.
 */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const USER_LIMIT = 5;
export const IP_LIMIT = 20;

/** The moment the limit lifts, or null when these failures (newest first) are under the limit. */
function blockedUntil(failures: { at: Date }[], limit: number): Date | null {
  const oldestCounted = failures[limit - 1];
  return oldestCounted ? new Date(oldestCounted.at.getTime() + LOGIN_WINDOW_MS) : null;
}

/** Throws RATE_LIMITED (429) when this name or address has failed too often lately. */
export async function assertLoginAllowed(db: Database, userName: string, ip: string, now: Date): Promise<void> {
  const { loginAttempts: a } = db.t;
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [lastOk] = await db.orm.select({ at: a.at }).from(a)
    .where(and(eq(a.userName, userName), eq(a.ok, true), gt(a.at, windowStart)))
    .orderBy(desc(a.at)).limit(1);
  const userFailures = await db.orm.select({ at: a.at }).from(a)
    .where(and(eq(a.userName, userName), eq(a.ok, false), gt(a.at, lastOk?.at ?? windowStart)))
    .orderBy(desc(a.at)).limit(USER_LIMIT);
  const ipFailures = await db.orm.select({ at: a.at }).from(a)
    .where(and(eq(a.ip, ip), eq(a.ok, false), gt(a.at, windowStart)))
    .orderBy(desc(a.at)).limit(IP_LIMIT);
  const until = [blockedUntil(userFailures, USER_LIMIT), blockedUntil(ipFailures, IP_LIMIT)]
    .filter((d): d is Date => d !== null)
    .sort((x, y) => y.getTime() - x.getTime())[0];
  if (!until) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  throw new AppError('RATE_LIMITED', `too many sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, {
    retryAfterSeconds,
  });
}

/**
 * Records one attempt (in the caller's transaction) and forgets attempts that have left the
 * window: this name's always, this address's after a failure. A success touches only its own
 * name's rows, so many people signing in at once from one address (an office, a load test)
 * never contend for the same rows.
 */
export async function recordLoginAttempt(
  db: Database,
  tx: Orm,
  attempt: { userName: string; ip: string; ok: boolean; at: Date },
): Promise<void> {
  const { loginAttempts: a } = db.t;
  const expired = new Date(attempt.at.getTime() - LOGIN_WINDOW_MS);
  const mine = attempt.ok ? eq(a.userName, attempt.userName) : or(eq(a.userName, attempt.userName), eq(a.ip, attempt.ip));
  await tx.delete(a).where(and(mine, lt(a.at, expired)));
  await tx.insert(a).values(attempt);
}

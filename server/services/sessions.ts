import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Role } from '../../shared/constants';
import type { Database, Orm } from '../db/connection';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { assertLoginAllowed, recordLoginAttempt } from './login-limits';
import { verifyPassword } from './passwords';
import { newSecret, sha256Hex } from './secrets';
import type { UserRow } from './users';

/** A signed-in caller, as routes see it. `csrfToken` is null for API-token callers (no cookie). */
export interface Principal {
  userId: number;
  name: string;
  role: Role;
  sessionId: string | null;
  csrfToken: string | null;
}

export const SESSION_DAYS = 7;
/** lastSeenAt is written at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** Who is trying to sign in, and from where (the client's address, for rate limiting). */
export interface LoginAttempt {
  username: string;
  password: string;
  ip: string;
}

/**
 * Signs in (SPEC §8 `POST /api/auth/login`). Rate-limited per name and per address before the
 * password is even checked (so a right password does not get through a block either); every
 * attempt is recorded, failures are audited as `auth.login_failed` (the name, never the password).
 */
export async function login(
  db: Database,
  attempt: LoginAttempt,
  now = new Date(),
): Promise<{ token: string; principal: Principal; expiresAt: Date }> {
  const { username, password, ip } = attempt;
  await assertLoginAllowed(db, username, ip, now);
  const [user] = await db.orm.select().from(db.t.users).where(eq(db.t.users.name, username)).limit(1);
  // Always run the hash, so timing does not tell whether the user exists.
  const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAA$AAAA');
  if (!user || !ok || user.disabledAt) {
    await db.transaction(async (tx) => {
      await recordLoginAttempt(db, tx, { userName: username, ip, ok: false, at: now });
      await recordAudit(db, tx, { actorId: null, action: 'auth.login_failed', targetType: 'user', targetId: username, details: { ip }, at: now });
    });
    throw new AppError('INVALID_CREDENTIALS', 'user name or password is wrong');
  }
  return db.transaction(async (tx) => {
    await recordLoginAttempt(db, tx, { userName: username, ip, ok: true, at: now });
    const session = await createSession(db, tx, user, now);
    await recordAudit(db, tx, { actorId: user.id, action: 'auth.login', targetType: 'user', targetId: user.name, details: { ip }, at: now });
    return session;
  });
}

/** A new session for a user who has proved who they are; only the token's hash is stored. */
export async function createSession(
  db: Database,
  tx: Orm,
  user: Pick<UserRow, 'id' | 'name' | 'role'>,
  now: Date,
): Promise<{ token: string; principal: Principal; expiresAt: Date }> {
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  const sessionId = sha256Hex(token);
  await tx.insert(db.t.sessions).values({ id: sessionId, userId: user.id, csrfToken, expiresAt, createdAt: now, lastSeenAt: now });
  return { token, expiresAt, principal: { userId: user.id, name: user.name, role: user.role, sessionId, csrfToken } };
}

/** Ends every session of a user (disabled, password reset), except optionally the caller's own. */
export async function endSessionsOf(db: Database, tx: Orm, userId: number, keepSessionId: string | null = null): Promise<void> {
  const { sessions } = db.t;
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
}

export async function logout(db: Database, sessionId: string): Promise<void> {
  await db.transaction((tx) => tx.delete(db.t.sessions).where(eq(db.t.sessions.id, sessionId)));
}

export async function principalFromSession(db: Database, token: string, now = new Date()): Promise<Principal | null> {
  const { sessions, users } = db.t;
  const sessionId = sha256Hex(token);
  const [row] = await db.orm
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.transaction((tx) => tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId)));
  }
  return { userId: row.user.id, name: row.user.name, role: row.user.role, sessionId, csrfToken: row.session.csrfToken };
}

export async function principalFromApiToken(db: Database, token: string, now = new Date()): Promise<Principal | null> {
  const { apiTokens, users } = db.t;
  const [row] = await db.orm
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.transaction((tx) => tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId)));
  }
  return { userId: row.user.id, name: row.user.name, role: row.user.role, sessionId: null, csrfToken: null };
}

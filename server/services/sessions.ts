import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../../shared/constants';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { verifyPassword } from './passwords';
import { newSecret, sha256Hex } from './secrets';

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

export async function login(
  db: Database,
  username: string,
  password: string,
  now = new Date(),
): Promise<{ token: string; principal: Principal; expiresAt: Date }> {
  const [user] = await db.orm.select().from(db.t.users).where(eq(db.t.users.name, username)).limit(1);
  // Always run the hash, so timing does not tell whether the user exists.
  const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAA$AAAA');
  if (!user || !ok || user.disabledAt) {
    throw new AppError('INVALID_CREDENTIALS', 'user name or password is wrong');
  }
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  const sessionId = sha256Hex(token);
  await db.transaction(async (tx) => {
    await tx.insert(db.t.sessions).values({ id: sessionId, userId: user.id, csrfToken, expiresAt, createdAt: now, lastSeenAt: now });
    await recordAudit(db, tx, { actorId: user.id, action: 'auth.login', targetType: 'user', targetId: user.name });
  });
  return { token, expiresAt, principal: { userId: user.id, name: user.name, role: user.role, sessionId, csrfToken } };
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

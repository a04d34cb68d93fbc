import { and, asc, eq, isNull } from 'drizzle-orm';
import type { TokenDto } from '../../shared/schemas/admin';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { newSecret, sha256Hex } from './secrets';

/** API tokens (SPEC §2): stored as sha256 only, so a token is shown once, when it is made. */

async function userIdOf(db: Database, name: string): Promise<number> {
  const [user] = await db.orm.select({ id: db.t.users.id }).from(db.t.users).where(eq(db.t.users.name, name)).limit(1);
  if (!user) throw new AppError('USER_NOT_FOUND', `no user named "${name}"`);
  return user.id;
}

/**
 * A new token for `name`. `actorId` is who asked (an admin, the user themself; null on the
 * command line). The audit entry names the token's id and label, never the secret.
 */
export async function issueApiToken(
  db: Database,
  name: string,
  label: string,
  actorId: number | null,
  now = new Date(),
): Promise<{ token: string; id: number }> {
  const userId = await userIdOf(db, name);
  const token = `rl_${newSecret()}`;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(db.t.apiTokens).values({ userId, label, tokenHash: sha256Hex(token), createdAt: now })
      .returning({ id: db.t.apiTokens.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(db, tx, { actorId, action: 'token.create', targetType: 'user', targetId: name, details: { tokenId: row.id, label }, at: now });
    return row.id;
  });
  return { token, id };
}

/** `redline users token NAME`: a token the user made for themself, printed once. */
export async function createApiToken(db: Database, name: string, label = ''): Promise<string> {
  const userId = await userIdOf(db, name);
  return (await issueApiToken(db, name, label, userId)).token;
}

export async function listApiTokens(db: Database, name: string): Promise<TokenDto[]> {
  const { apiTokens } = db.t;
  const rows = await db.orm.select().from(apiTokens).where(eq(apiTokens.userId, await userIdOf(db, name))).orderBy(asc(apiTokens.id));
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Revokes one of the user's tokens; it stops working at once. Revoking twice changes nothing. */
export async function revokeApiToken(db: Database, name: string, tokenId: number, actorId: number | null, now = new Date()): Promise<void> {
  const { apiTokens } = db.t;
  const userId = await userIdOf(db, name);
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ id: apiTokens.id }).from(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId))).limit(1);
    if (!row) throw new AppError('TOKEN_NOT_FOUND', `user "${name}" has no token ${tokenId}`);
    const revoked = await tx.update(apiTokens).set({ revokedAt: now })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
    if (revoked.length > 0) {
      await recordAudit(db, tx, { actorId, action: 'token.revoke', targetType: 'user', targetId: name, details: { tokenId }, at: now });
    }
  });
}

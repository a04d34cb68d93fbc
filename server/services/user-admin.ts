import { and, asc, eq, gt, inArray, max } from 'drizzle-orm';
import type { Role } from '../../shared/constants';
import type { UserAdminDto } from '../../shared/schemas/admin';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { hashPassword } from './passwords';
import { endSessionsOf } from './sessions';
import { findUserByName, type UserRow } from './users';

/** The users an admin manages, by name, with their last sign-in and their projects. */
export async function listUsersForAdmin(db: Database, only?: string): Promise<UserAdminDto[]> {
  const { users, auditLog, projectMembers, projects } = db.t;
  const rows = await db.orm.select().from(users).where(only === undefined ? undefined : eq(users.name, only)).orderBy(asc(users.name));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // The audit log keeps every sign-in; sessions are deleted on sign-out, so they would forget.
  const signIns = await db.orm
    .select({ userId: auditLog.actorId, at: max(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login'), inArray(auditLog.actorId, ids)))
    .groupBy(auditLog.actorId);
  const memberships = await db.orm
    .select({ userId: projectMembers.userId, project: projects.name })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(inArray(projectMembers.userId, ids))
    .orderBy(asc(projects.name));
  const lastSignIn = new Map(signIns.map((s) => [s.userId, s.at]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    imported: row.imported,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: toIso(lastSignIn.get(row.id)),
    projects: memberships.filter((m) => m.userId === row.id).map((m) => m.project),
  }));
}

/** max() comes back as a Date from PostgreSQL and as epoch milliseconds from SQLite. */
function toIso(value: Date | number | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)).toISOString();
}

export async function getUserForAdmin(db: Database, name: string): Promise<UserAdminDto> {
  const [user] = await listUsersForAdmin(db, name);
  if (!user) throw new AppError('USER_NOT_FOUND', `no user named "${name}"`);
  return user;
}

export interface UserChange {
  role?: Role;
  disabled?: boolean;
  password?: string;
}

/** Who is making the change: null on the command line (the operator owns the machine). */
export interface Actor {
  userId: number;
  sessionId: string | null;
}

/**
 * Changes a user's role, disabled flag or password, each audited (`user.role`, `user.disable`,
 * `user.enable`, `user.password_reset` — never the password). Disabling ends the user's sessions
 * and releases their live leases so others can take those solutions; their API tokens stop
 * working while they stay disabled (tokens are refused for disabled users, not revoked). A
 * password reset ends the user's other sessions. An admin cannot demote or disable themself.
 */
export async function updateUser(db: Database, name: string, change: UserChange, actor: Actor | null, now = new Date()): Promise<UserRow> {
  const user = await findUserByName(db, name);
  if (!user) throw new AppError('USER_NOT_FOUND', `no user named "${name}"`);
  if (actor?.userId === user.id) {
    if (change.role !== undefined && change.role !== user.role) {
      throw new AppError('SELF_LOCKOUT', 'you cannot change your own role; ask another admin');
    }
    if (change.disabled === true) throw new AppError('SELF_LOCKOUT', 'you cannot disable yourself; ask another admin');
  }
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  const { users, leases } = db.t;
  const audit = (action: string, details?: Record<string, unknown>) => ({
    actorId: actor?.userId ?? null, action, targetType: 'user', targetId: name, details, at: now,
  });
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, user.id)).limit(1);
    if (!current) throw new AppError('USER_NOT_FOUND', `no user named "${name}"`);
    const values: Partial<UserRow> = {};
    if (change.role !== undefined && change.role !== current.role) {
      values.role = change.role;
      await recordAudit(db, tx, audit('user.role', { from: current.role, to: change.role }));
    }
    if (change.disabled === true && current.disabledAt === null) {
      values.disabledAt = now;
      await endSessionsOf(db, tx, user.id);
      await tx.delete(leases).where(and(eq(leases.userId, user.id), gt(leases.expiresAt, now)));
      await recordAudit(db, tx, audit('user.disable'));
    }
    if (change.disabled === false && current.disabledAt !== null) {
      values.disabledAt = null;
      await recordAudit(db, tx, audit('user.enable'));
    }
    if (passwordHash !== undefined) {
      values.passwordHash = passwordHash;
      await endSessionsOf(db, tx, user.id, actor?.userId === user.id ? actor.sessionId : null);
      await recordAudit(db, tx, audit('user.password_reset'));
    }
    if (Object.keys(values).length === 0) return current;
    const [row] = await tx.update(users).set(values).where(eq(users.id, user.id)).returning();
    if (!row) throw new Error('user update returned no row');
    return row;
  });
}

import { eq } from 'drizzle-orm';
import { ROLES, type Role } from '../../shared/constants';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { hashPassword } from './passwords';

export { createApiToken } from './tokens';

export type UserRow = Database['t']['users']['$inferSelect'];

const USER_NAME_PATTERN = /^[A-Za-z0-9._@-]{1,100}$/;

export async function findUserByName(db: Database, name: string): Promise<UserRow | undefined> {
  const [row] = await db.orm.select().from(db.t.users).where(eq(db.t.users.name, name)).limit(1);
  return row;
}

export async function addUser(
  db: Database,
  input: { name: string; role: Role; password: string },
  actorId: number | null,
): Promise<UserRow> {
  if (!USER_NAME_PATTERN.test(input.name)) {
    throw new AppError('VALIDATION_FAILED', `user name "${input.name}" must be 1–100 letters, digits, ".", "_", "@" or "-"`);
  }
  if (!ROLES.includes(input.role)) throw new AppError('VALIDATION_FAILED', `role must be one of ${ROLES.join(', ')}`);
  if (input.password.length < 6) throw new AppError('VALIDATION_FAILED', 'the password must have at least 6 characters');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(db.t.users).where(eq(db.t.users.name, input.name)).limit(1);
    if (existing) throw new AppError('USER_EXISTS', `user "${input.name}" already exists`);
    const [row] = await tx.insert(db.t.users).values({ name: input.name, role: input.role, passwordHash }).returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(db, tx, { actorId, action: 'user.add', targetType: 'user', targetId: input.name, details: { role: input.role } });
    return row;
  });
}

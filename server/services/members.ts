import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { MemberDtoSchema } from '../../shared/schemas/admin';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { getProject } from './projects';

export type MemberDto = z.infer<typeof MemberDtoSchema>;

async function userIds(db: Database, names: string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const rows = await db.orm.select({ id: db.t.users.id, name: db.t.users.name }).from(db.t.users).where(inArray(db.t.users.name, names));
  const ids = new Map(rows.map((r) => [r.name, r.id]));
  const missing = names.filter((n) => !ids.has(n));
  if (missing.length > 0) throw new AppError('USER_NOT_FOUND', `no user named ${missing.map((n) => `"${n}"`).join(', ')}`);
  return ids;
}

/** The project's members, by name, with when they joined. */
export async function listMembers(db: Database, projectName: string): Promise<MemberDto[]> {
  const project = await getProject(db, projectName);
  const { projectMembers, users } = db.t;
  const rows = await db.orm
    .select({ name: users.name, role: users.role, since: projectMembers.createdAt })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, project.id))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ name: r.name, role: r.role, since: r.since.toISOString() }));
}

/**
 * Adds and removes members in one transaction: an unknown name refuses the whole change.
 * Adding a member or removing a non-member changes nothing; each real change is audited
 * (`member.add`, `member.remove`). Removing someone keeps their annotations; they just stop
 * seeing the project (if they are annotators) and getting its queue.
 */
export async function changeMembers(
  db: Database,
  projectName: string,
  change: { add?: string[]; remove?: string[] },
  actorId: number | null,
): Promise<void> {
  const add = [...new Set(change.add ?? [])];
  const remove = [...new Set(change.remove ?? [])];
  const both = add.filter((name) => remove.includes(name));
  if (both.length > 0) throw new AppError('VALIDATION_FAILED', `cannot add and remove ${both.map((n) => `"${n}"`).join(', ')} at once`);
  const project = await getProject(db, projectName);
  const ids = await userIds(db, [...add, ...remove]);
  const { projectMembers } = db.t;
  await db.transaction(async (tx) => {
    for (const name of add) {
      const added = await tx.insert(projectMembers).values({ projectId: project.id, userId: ids.get(name)! })
        .onConflictDoNothing().returning({ userId: projectMembers.userId });
      if (added.length > 0) {
        await recordAudit(db, tx, { actorId, action: 'member.add', projectId: project.id, targetType: 'user', targetId: name });
      }
    }
    for (const name of remove) {
      const removed = await tx.delete(projectMembers)
        .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.userId, ids.get(name)!)))
        .returning({ userId: projectMembers.userId });
      if (removed.length > 0) {
        await recordAudit(db, tx, { actorId, action: 'member.remove', projectId: project.id, targetType: 'user', targetId: name });
      }
    }
  });
}

/** Adds users to a project; adding someone already a member changes nothing. */
export function addMembers(db: Database, projectName: string, names: string[], actorId: number | null): Promise<void> {
  return changeMembers(db, projectName, { add: names }, actorId);
}

export function removeMembers(db: Database, projectName: string, names: string[], actorId: number | null): Promise<void> {
  return changeMembers(db, projectName, { remove: names }, actorId);
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { getProject } from './projects';

async function userIds(db: Database, names: string[]): Promise<Map<string, number>> {
  const rows = await db.orm.select({ id: db.t.users.id, name: db.t.users.name }).from(db.t.users).where(inArray(db.t.users.name, names));
  const ids = new Map(rows.map((r) => [r.name, r.id]));
  const missing = names.filter((n) => !ids.has(n));
  if (missing.length > 0) throw new AppError('USER_NOT_FOUND', `no user named ${missing.map((n) => `"${n}"`).join(', ')}`);
  return ids;
}

/** Adds users to a project; adding someone already a member changes nothing. */
export async function addMembers(db: Database, projectName: string, names: string[], actorId: number | null): Promise<void> {
  const project = await getProject(db, projectName);
  const ids = await userIds(db, names);
  await db.transaction(async (tx) => {
    for (const [name, userId] of ids) {
      const added = await tx.insert(db.t.projectMembers).values({ projectId: project.id, userId })
        .onConflictDoNothing().returning({ userId: db.t.projectMembers.userId });
      if (added.length > 0) {
        await recordAudit(db, tx, { actorId, action: 'member.add', projectId: project.id, targetType: 'user', targetId: name });
      }
    }
  });
}

export async function removeMembers(db: Database, projectName: string, names: string[], actorId: number | null): Promise<void> {
  const project = await getProject(db, projectName);
  const ids = await userIds(db, names);
  await db.transaction(async (tx) => {
    for (const [name, userId] of ids) {
      const removed = await tx.delete(db.t.projectMembers)
        .where(and(eq(db.t.projectMembers.projectId, project.id), eq(db.t.projectMembers.userId, userId)))
        .returning({ userId: db.t.projectMembers.userId });
      if (removed.length > 0) {
        await recordAudit(db, tx, { actorId, action: 'member.remove', projectId: project.id, targetType: 'user', targetId: name });
      }
    }
  });
}

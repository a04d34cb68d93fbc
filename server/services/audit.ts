import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEntryDtoSchema } from '../../shared/schemas/admin';
import type { Orm, Database } from '../db/connection';

type AuditEntryDto = z.infer<typeof AuditEntryDtoSchema>;

export interface AuditEntry {
  actorId: number | null;
  action: string;
  projectId?: number | null;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
  /** When it happened; defaults to the process clock. Pass the app's injected clock where there is one. */
  at?: Date;
}

/** Appends to the audit log; pass the open transaction so the entry commits with the change. */
export async function recordAudit(db: Database, tx: Orm, entry: AuditEntry): Promise<void> {
  await tx.insert(db.t.auditLog).values({
    ...(entry.at ? { at: entry.at } : {}),
    actorId: entry.actorId,
    action: entry.action,
    projectId: entry.projectId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? null,
  });
}

export interface AuditQuery {
  /** Only this project's entries. */
  projectId?: number;
  /** Only entries that belong to some project (what a lead may read). */
  projectsOnly?: boolean;
  limit: number;
  /** Entries older than this id: the next page. */
  beforeId?: number;
}

/** Audit entries, newest first, with the actor's and project's names. */
export async function listAuditEntries(db: Database, query: AuditQuery): Promise<AuditEntryDto[]> {
  const { auditLog, users, projects } = db.t;
  const rows = await db.orm
    .select({ entry: auditLog, actor: users.name, project: projects.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(projects, eq(projects.id, auditLog.projectId))
    .where(and(
      query.projectId === undefined ? undefined : eq(auditLog.projectId, query.projectId),
      query.projectsOnly ? isNotNull(auditLog.projectId) : undefined,
      query.beforeId === undefined ? undefined : lt(auditLog.id, query.beforeId),
    ))
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
  return rows.map(({ entry, actor, project }) => ({
    id: entry.id,
    at: entry.at.toISOString(),
    actor,
    action: entry.action,
    project,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details,
  }));
}

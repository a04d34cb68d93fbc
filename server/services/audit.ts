import type { Orm, Database } from '../db/connection';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  projectId?: number | null;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
}

/** Appends to the audit log; pass the open transaction so the entry commits with the change. */
export async function recordAudit(db: Database, tx: Orm, entry: AuditEntry): Promise<void> {
  await tx.insert(db.t.auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    projectId: entry.projectId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? null,
  });
}

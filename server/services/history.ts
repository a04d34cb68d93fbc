import { and, asc, eq, inArray } from 'drizzle-orm';
import type { HistoryEntryDto } from '../../shared/schemas/admin';
import type { Database } from '../db/connection';
import type { Principal } from './sessions';
import { loadSolutionForCaller } from './solutions';

const KIND_ORDER: Record<HistoryEntryDto['kind'], number> = { annotation: 0, adjudication: 1, audit: 2 };

/**
 * `GET /api/solutions/:id/history` (lead+): every saved revision of every annotation ("draft v3",
 * "submitted v4", with the snapshot stored at the time), every adjudication revision, and the
 * audit entries that target the solution (skips, …), oldest first. Ties keep revisions before
 * audit entries and otherwise the order they were written in.
 */
export async function solutionHistory(db: Database, principal: Principal, solutionId: number): Promise<HistoryEntryDto[]> {
  await loadSolutionForCaller(db, principal, solutionId);
  const { annotations, annotationRevisions, adjudications, adjudicationRevisions, auditLog, users } = db.t;
  const annotationRows = await db.orm
    .select({ revision: annotationRevisions, annotatorId: annotations.annotatorId })
    .from(annotationRevisions)
    .innerJoin(annotations, eq(annotations.id, annotationRevisions.annotationId))
    .where(eq(annotations.solutionId, solutionId))
    .orderBy(asc(annotationRevisions.id));
  const adjudicationRows = await db.orm
    .select({ revision: adjudicationRevisions })
    .from(adjudicationRevisions)
    .innerJoin(adjudications, eq(adjudications.id, adjudicationRevisions.adjudicationId))
    .where(eq(adjudications.solutionId, solutionId))
    .orderBy(asc(adjudicationRevisions.id));
  const auditRows = await db.orm
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'solution'), eq(auditLog.targetId, String(solutionId))))
    .orderBy(asc(auditLog.id));

  const userIds = [
    ...annotationRows.flatMap((r) => [r.annotatorId, r.revision.actorId]),
    ...adjudicationRows.map((r) => r.revision.actorId),
    ...auditRows.map((r) => r.actorId),
  ].filter((id): id is number => id !== null);
  const names = new Map<number, string>();
  if (userIds.length > 0) {
    const rows = await db.orm.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(userIds)]));
    for (const row of rows) names.set(row.id, row.name);
  }
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));

  const entries: (HistoryEntryDto & { seq: number })[] = [
    ...annotationRows.map(({ revision: r, annotatorId }) => ({
      at: r.createdAt.toISOString(), actor: nameOf(r.actorId), kind: 'annotation' as const,
      action: `${r.status} v${r.version}`, annotator: nameOf(annotatorId), snapshot: r.snapshot, seq: r.id,
    })),
    ...adjudicationRows.map(({ revision: r }) => ({
      at: r.createdAt.toISOString(), actor: nameOf(r.actorId), kind: 'adjudication' as const,
      action: `adjudication v${r.version}`, annotator: null, snapshot: r.snapshot, seq: r.id,
    })),
    ...auditRows.map((r) => ({
      at: r.at.toISOString(), actor: nameOf(r.actorId), kind: 'audit' as const,
      action: r.action, annotator: null, snapshot: r.details, seq: r.id,
    })),
  ];
  entries.sort((a, b) => a.at.localeCompare(b.at) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.seq - b.seq);
  return entries.map(({ seq: _seq, ...entry }) => entry);
}

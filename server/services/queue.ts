import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Database, Orm } from '../db/connection';
import { lockProjectForAssignment } from '../db/dialect';
import { AppError } from '../errors';
import { getVisibleProject } from './access';
import type { ProjectRow } from './projects';
import { recordAudit } from './audit';
import type { Principal } from './sessions';

export interface Assignment {
  solutionId: number;
  externalId: string;
  expiresAt: Date;
}

/**
 * The next solution for this annotator in this project, leased to them (SPEC §8 `queue/next`).
 * Order of preference: a solution they already hold (a live lease or a draft: resuming beats
 * starting anew), then the first solution, in the project's order, that they have not labelled
 * or skipped and whose submitted annotations plus others' live leases are still below the
 * overlap `k`. Returns null when nothing is left for them.
 *
 * Strategies other than `ordered` (random, orm-uncertain-first, disagreement-first) arrive with
 * the teams issue; until then every project is served in import order.
 */
export async function assignNextSolution(
  db: Database,
  principal: Principal,
  projectName: string,
  now = new Date(),
): Promise<Assignment | null> {
  const project = await getVisibleProject(db, principal, projectName);
  return db.transaction(async (tx) => {
    await lockProjectForAssignment(db, tx, project.id);
    const solutionId = (await heldSolution(db, tx, project, principal.userId, now)) ?? (await freeSolution(db, tx, project, principal.userId, now));
    if (solutionId === null) return null;
    return leaseSolution(db, tx, project, solutionId, principal.userId, now);
  });
}

async function heldSolution(db: Database, tx: Orm, project: ProjectRow, userId: number, now: Date): Promise<number | null> {
  const { leases, annotations, solutions } = db.t;
  const [leased] = await tx
    .select({ id: leases.solutionId })
    .from(leases)
    .leftJoin(annotations, and(eq(annotations.solutionId, leases.solutionId), eq(annotations.annotatorId, userId)))
    .where(and(eq(leases.projectId, project.id), eq(leases.userId, userId), gt(leases.expiresAt, now),
      sql`(${annotations.status} IS NULL OR ${annotations.status} <> 'submitted')`))
    .orderBy(asc(leases.solutionId))
    .limit(1);
  if (leased) return leased.id;
  const [draft] = await tx
    .select({ id: annotations.solutionId })
    .from(annotations)
    .innerJoin(solutions, eq(solutions.id, annotations.solutionId))
    .where(and(eq(solutions.projectId, project.id), eq(annotations.annotatorId, userId), eq(annotations.status, 'draft'),
      // A draft whose lease lapsed while others filled the solution's slots stays stored, not offered.
      sql`${slotsTaken(db, userId, now)} < ${project.overlap}`,
      sql`NOT EXISTS (SELECT 1 FROM ${db.t.queueSkips} WHERE ${db.t.queueSkips.solutionId} = ${annotations.solutionId}
        AND ${db.t.queueSkips.userId} = ${userId})`))
    .orderBy(asc(annotations.solutionId))
    .limit(1);
  return draft?.id ?? null;
}

/** The slot rule: submitted annotations + other people's live leases < k. Use it in WHERE only. */
function slotsTaken(db: Database, userId: number, now: Date) {
  const { annotations, leases, solutions } = db.t;
  return sql`(
    (SELECT count(*) FROM ${annotations} WHERE ${annotations.solutionId} = ${solutions.id} AND ${annotations.status} = 'submitted')
    + (SELECT count(*) FROM ${leases} WHERE ${leases.solutionId} = ${solutions.id} AND ${leases.userId} <> ${userId}
       AND ${leases.expiresAt} > ${sql.param(now, leases.expiresAt)})
  )`;
}

async function freeSolution(db: Database, tx: Orm, project: ProjectRow, userId: number, now: Date): Promise<number | null> {
  const { annotations, queueSkips, solutions } = db.t;
  const [row] = await tx
    .select({ id: solutions.id })
    .from(solutions)
    .where(and(
      eq(solutions.projectId, project.id),
      sql`NOT EXISTS (SELECT 1 FROM ${annotations} WHERE ${annotations.solutionId} = ${solutions.id} AND ${annotations.annotatorId} = ${userId})`,
      sql`NOT EXISTS (SELECT 1 FROM ${queueSkips} WHERE ${queueSkips.solutionId} = ${solutions.id} AND ${queueSkips.userId} = ${userId})`,
      sql`${slotsTaken(db, userId, now)} < ${project.overlap}`,
    ))
    .orderBy(asc(solutions.id))
    .limit(1);
  return row?.id ?? null;
}

async function leaseSolution(
  db: Database, tx: Orm, project: ProjectRow, solutionId: number, userId: number, now: Date,
): Promise<Assignment> {
  const { leases, solutions } = db.t;
  const expiresAt = new Date(now.getTime() + project.leaseMinutes * 60_000);
  await tx
    .insert(leases)
    .values({ projectId: project.id, solutionId, userId, expiresAt, createdAt: now })
    .onConflictDoUpdate({ target: [leases.solutionId, leases.userId], set: { expiresAt } });
  const [solution] = await tx.select({ externalId: solutions.externalId }).from(solutions).where(eq(solutions.id, solutionId));
  if (!solution) throw new AppError('SOLUTION_NOT_FOUND', `solution ${solutionId} vanished`);
  return { solutionId, externalId: solution.externalId, expiresAt };
}

/**
 * May this annotator store a new annotation, or submit one, for the solution? Yes while they hold
 * a live lease, or while submitted annotations plus other people's live leases leave a slot.
 */
export async function assertMayAnnotate(db: Database, tx: Orm, project: ProjectRow, solutionId: number, userId: number, now: Date): Promise<void> {
  const { leases, solutions } = db.t;
  const [lease] = await tx.select({ id: leases.id }).from(leases)
    .where(and(eq(leases.solutionId, solutionId), eq(leases.userId, userId), gt(leases.expiresAt, now))).limit(1);
  if (lease) return;
  // In WHERE, not in the select list: drizzle leaves columns unqualified in a select list, and
  // the correlated subqueries need "solutions"."id".
  const [free] = await tx.select({ id: solutions.id }).from(solutions)
    .where(and(eq(solutions.id, solutionId), sql`${slotsTaken(db, userId, now)} < ${project.overlap}`));
  if (!free) {
    throw new AppError('NOT_ASSIGNED', 'this solution is not assigned to you and already has all the annotators it needs');
  }
}

/**
 * Skip: the solution goes back to others and is never offered to this annotator again. A
 * submitted annotation cannot be skipped; a draft stays stored (nothing typed is lost).
 */
export async function skipSolution(db: Database, principal: Principal, projectId: number, solutionId: number): Promise<void> {
  const { annotations, leases, queueSkips } = db.t;
  await db.transaction(async (tx) => {
    const [own] = await tx.select({ status: annotations.status }).from(annotations)
      .where(and(eq(annotations.solutionId, solutionId), eq(annotations.annotatorId, principal.userId))).limit(1);
    if (own?.status === 'submitted') throw new AppError('NOT_ASSIGNED', 'you have already submitted this solution; it cannot be skipped');
    await tx.insert(queueSkips).values({ solutionId, userId: principal.userId }).onConflictDoNothing();
    await tx.delete(leases).where(and(eq(leases.solutionId, solutionId), eq(leases.userId, principal.userId)));
    await recordAudit(db, tx, { actorId: principal.userId, action: 'queue.skip', projectId, targetType: 'solution', targetId: solutionId });
  });
}

/** Activity renews the caller's lease on a solution they hold (a draft save, for instance). */
export async function renewLease(db: Database, tx: Orm, project: ProjectRow, solutionId: number, userId: number, now: Date): Promise<void> {
  const { leases } = db.t;
  // Only a live lease is renewed: once it lapsed, the slot may already be someone else's.
  await tx.update(leases).set({ expiresAt: new Date(now.getTime() + project.leaseMinutes * 60_000) })
    .where(and(eq(leases.solutionId, solutionId), eq(leases.userId, userId), gt(leases.expiresAt, now)));
}

/** The caller's live lease on a solution, if any. */
export async function currentLease(db: Database, solutionId: number, userId: number, now: Date): Promise<Date | null> {
  const { leases } = db.t;
  const [row] = await db.orm.select({ expiresAt: leases.expiresAt }).from(leases)
    .where(and(eq(leases.solutionId, solutionId), eq(leases.userId, userId), gt(leases.expiresAt, now))).limit(1);
  return row?.expiresAt ?? null;
}

import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Database, Orm } from '../db/connection';
import { lockProjectForAssignment } from '../db/dialect';
import { AppError } from '../errors';
import { getVisibleProject } from './access';
import type { ProjectRow } from './projects';
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
    .where(and(eq(solutions.projectId, project.id), eq(annotations.annotatorId, userId), eq(annotations.status, 'draft')))
    .orderBy(asc(annotations.solutionId))
    .limit(1);
  return draft?.id ?? null;
}

/** The slot rule: submitted annotations + other people's live leases < k. */
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

/** May this annotator write an annotation for the solution? They hold it, or a slot is free. */
export async function assertMayAnnotate(db: Database, tx: Orm, project: ProjectRow, solutionId: number, userId: number, now: Date): Promise<void> {
  const { leases, solutions } = db.t;
  const [lease] = await tx.select({ id: leases.id }).from(leases)
    .where(and(eq(leases.solutionId, solutionId), eq(leases.userId, userId))).limit(1);
  if (lease) return;
  const [row] = await tx.select({ taken: slotsTaken(db, userId, now).mapWith(Number) }).from(solutions)
    .where(eq(solutions.id, solutionId));
  if (!row || row.taken >= project.overlap) {
    throw new AppError('NOT_ASSIGNED', 'this solution is not assigned to you and already has all the annotators it needs');
  }
}

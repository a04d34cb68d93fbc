import { and, asc, count, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm';
import type { ProgressDto } from '../../shared/schemas/admin';
import type { Database } from '../db/connection';
import { getProject, type ProjectRow } from './projects';

type Counts = Map<number, number>;
const toMap = (rows: { userId: number; n: number }[]): Counts => new Map(rows.map((r) => [r.userId, r.n]));
const num = (column: ReturnType<typeof sql>) => column.mapWith(Number);

/**
 * One row per solution of the project: its submitted annotations, drafts and live leases.
 * Everything below aggregates this (GROUP BY), never loops over solutions in JavaScript.
 */
function perSolution(db: Database, project: ProjectRow, now: Date) {
  const { solutions, annotations, leases } = db.t;
  return db.orm
    .select({
      id: solutions.id,
      submitted: sql<number>`count(distinct case when ${annotations.status} = 'submitted' then ${annotations.id} end)`.as('submitted'),
      drafts: sql<number>`count(distinct case when ${annotations.status} = 'draft' then ${annotations.id} end)`.as('drafts'),
      leased: sql<number>`count(distinct ${leases.id})`.as('leased'),
    })
    .from(solutions)
    .leftJoin(annotations, eq(annotations.solutionId, solutions.id))
    .leftJoin(leases, and(eq(leases.solutionId, solutions.id), gt(leases.expiresAt, now)))
    .where(eq(solutions.projectId, project.id))
    .groupBy(solutions.id)
    .as('per_solution');
}

/**
 * `GET /api/projects/:project/progress` (SPEC §1: a lead watches progress). A solution is done
 * at k submitted annotations, in progress with any submitted, draft or leased work short of
 * that, remaining otherwise. An annotator's `remaining` follows the queue's slot rule: the
 * solutions they have neither submitted nor skipped whose submitted annotations plus other
 * people's live leases are below k — counted as (solutions open to anyone) − (their submitted
 * or skipped ones among those) + (solutions full only because of their own lease).
 */
export async function projectProgress(db: Database, projectName: string, now: Date): Promise<ProgressDto> {
  const project = await getProject(db, projectName);
  const k = project.overlap;
  const { annotations, leases, queueSkips, solutions, users, projectMembers } = db.t;
  const ps = perSolution(db, project, now);
  const taken = sql`(${ps.submitted} + ${ps.leased})`;
  const [totals] = await db.orm.select({
    solutions: count(),
    done: num(sql`coalesce(sum(case when ${ps.submitted} >= ${k} then 1 else 0 end), 0)`),
    inProgress: num(sql`coalesce(sum(case when ${ps.submitted} < ${k} and ${ps.submitted} + ${ps.drafts} + ${ps.leased} > 0 then 1 else 0 end), 0)`),
    submitted: num(sql`coalesce(sum(${ps.submitted}), 0)`),
    open: num(sql`coalesce(sum(case when ${taken} < ${k} then 1 else 0 end), 0)`),
  }).from(ps);

  const inProject = eq(solutions.projectId, project.id);
  const work = await db.orm.select({
    userId: annotations.annotatorId,
    submitted: num(sql`count(case when ${annotations.status} = 'submitted' then 1 end)`),
    drafts: num(sql`count(case when ${annotations.status} = 'draft' then 1 end)`),
    totalTimeMs: num(sql`coalesce(sum(case when ${annotations.status} = 'submitted' then ${annotations.timeSpentMs} else 0 end), 0)`),
    lastAt: max(annotations.updatedAt),
  }).from(annotations).innerJoin(solutions, eq(solutions.id, annotations.solutionId)).where(inProject).groupBy(annotations.annotatorId);
  const leased = await db.orm.select({ userId: leases.userId, n: count(), lastAt: max(leases.createdAt) }).from(leases)
    .where(and(eq(leases.projectId, project.id), gt(leases.expiresAt, now))).groupBy(leases.userId);
  const skipped = await db.orm.select({ userId: queueSkips.userId, n: count(), lastAt: max(queueSkips.createdAt) }).from(queueSkips)
    .innerJoin(solutions, eq(solutions.id, queueSkips.solutionId)).where(inProject).groupBy(queueSkips.userId);
  const medians = await medianTimes(db, project);

  // The three corrections to "open to anyone" that make each annotator's remaining count.
  const submittedOpen = toMap(await db.orm.select({ userId: annotations.annotatorId, n: count() }).from(annotations)
    .innerJoin(ps, eq(ps.id, annotations.solutionId))
    .where(and(eq(annotations.status, 'submitted'), sql`${taken} < ${k}`)).groupBy(annotations.annotatorId));
  const skippedOpen = toMap(await db.orm.select({ userId: queueSkips.userId, n: count() }).from(queueSkips)
    .innerJoin(ps, eq(ps.id, queueSkips.solutionId))
    .leftJoin(annotations, and(eq(annotations.solutionId, queueSkips.solutionId), eq(annotations.annotatorId, queueSkips.userId),
      eq(annotations.status, 'submitted')))
    .where(and(isNull(annotations.id), sql`${taken} < ${k}`)).groupBy(queueSkips.userId));
  const heldFull = toMap(await db.orm.select({ userId: leases.userId, n: count() }).from(leases)
    .innerJoin(ps, eq(ps.id, leases.solutionId))
    .where(and(gt(leases.expiresAt, now), sql`${taken} = ${k}`)).groupBy(leases.userId));

  // Rows: member annotators, plus anyone (of any role) who has worked on the project.
  const members = await db.orm.select({ userId: projectMembers.userId }).from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, project.id), eq(users.role, 'annotator')));
  const ids = [...new Set([...members, ...work, ...leased, ...skipped].map((r) => r.userId))];
  const names = ids.length === 0 ? [] : await db.orm.select({ id: users.id, name: users.name }).from(users)
    .where(inArray(users.id, ids)).orderBy(asc(users.name));
  const open = totals?.open ?? 0;
  return {
    project: {
      solutions: totals?.solutions ?? 0,
      done: totals?.done ?? 0,
      inProgress: totals?.inProgress ?? 0,
      remaining: (totals?.solutions ?? 0) - (totals?.done ?? 0) - (totals?.inProgress ?? 0),
      submittedAnnotations: totals?.submitted ?? 0,
      neededAnnotations: (totals?.solutions ?? 0) * k,
    },
    annotators: names.map(({ id, name }) => {
      const w = work.find((r) => r.userId === id);
      const l = leased.find((r) => r.userId === id);
      const s = skipped.find((r) => r.userId === id);
      const last = [w?.lastAt, l?.lastAt, s?.lastAt].filter((d): d is Date => d instanceof Date)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      return {
        name,
        submitted: w?.submitted ?? 0,
        drafts: w?.drafts ?? 0,
        leased: l?.n ?? 0,
        skipped: s?.n ?? 0,
        remaining: open - (submittedOpen.get(id) ?? 0) - (skippedOpen.get(id) ?? 0) + (heldFull.get(id) ?? 0),
        totalTimeMs: w?.totalTimeMs ?? 0,
        medianTimeMs: medians.get(id) ?? null,
        lastActiveAt: last?.toISOString() ?? null,
      };
    }),
  };
}

/** Median `timeSpentMs` of each annotator's submitted annotations, by window functions (both dialects have them). */
async function medianTimes(db: Database, project: ProjectRow): Promise<Counts> {
  const { annotations, solutions } = db.t;
  const ranked = db.orm.select({
    userId: sql<number>`${annotations.annotatorId}`.as('user_id'),
    ms: sql<number>`${annotations.timeSpentMs}`.as('ms'),
    rn: sql<number>`row_number() over (partition by ${annotations.annotatorId} order by ${annotations.timeSpentMs})`.as('rn'),
    n: sql<number>`count(*) over (partition by ${annotations.annotatorId})`.as('n'),
  }).from(annotations).innerJoin(solutions, eq(solutions.id, annotations.solutionId))
    .where(and(eq(solutions.projectId, project.id), eq(annotations.status, 'submitted'))).as('ranked');
  // The middle one (odd n) or the mean of the middle two (even n); integer division on both dialects.
  const rows = await db.orm.select({ userId: num(sql`${ranked.userId}`), n: num(sql`avg(${ranked.ms})`) }).from(ranked)
    .where(sql`${ranked.rn} in ((${ranked.n} + 1) / 2, (${ranked.n} + 2) / 2)`).groupBy(ranked.userId);
  return new Map(rows.map((r) => [r.userId, Math.round(r.n)]));
}

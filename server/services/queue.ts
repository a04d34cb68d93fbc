import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Database, Orm } from '../db/connection';
import { lockProjectForAssignment, selectRows } from '../db/dialect';
import { projectSeed } from '../domain/queue/order';
import { FMIX32_FINAL_SHIFT, FMIX32_ROUNDS, randomKey, randomKeyOffset } from '../domain/queue/random-key';
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

/** Who asks, when, and how many annotators a solution takes: what availability depends on. */
interface Asker {
  userId: number;
  now: Date;
  overlap: number;
}

/**
 * The next solution for this annotator in this project, leased to them (SPEC §8 `queue/next`).
 * Order of preference: a solution they already hold (a live lease, then a draft: resuming beats
 * starting anew), then the first solution in the project's strategy order (domain/queue/order.ts)
 * that is free for them: not labelled or skipped by them, and the slot rule — submitted
 * annotations + other people's live leases < overlap k. Returns null when nothing is left.
 *
 * Exclusive on both dialects: the whole choice runs in one transaction that first takes the
 * project's assignment lock (db/dialect.ts), as does every first save or submission
 * (`assertMayAnnotate`); so no two transactions can count the same free slot.
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
    const asker = { userId: principal.userId, now, overlap: project.overlap };
    const solutionId = (await heldSolution(db, tx, project, asker))
      ?? (await qcSolution(db, tx, project, asker))
      ?? (await freeSolution(db, tx, project, asker));
    if (solutionId === null) return null;
    return leaseSolution(db, tx, project, solutionId, principal.userId, now);
  });
}

/** `settings.qcRate` of a project: a number in 0..1, else 0 (no QC items served). */
export function projectQcRate(settings: Readonly<Record<string, unknown>>): number {
  const rate = settings.qcRate;
  return typeof rate === 'number' && rate >= 0 && rate <= 1 ? rate : 0;
}

/**
 * Quality-control mixing (issue 6). With `qcRate` r > 0 the period is P = ⌈1/r⌉: when an
 * annotator who has started n solutions of the project (annotations of theirs, draft or
 * submitted) asks for new work and n + 1 is a multiple of P, they get a QC item — a solution
 * whose adjudication is marked `qc`, which they have never annotated nor skipped — even when it
 * already has its k annotations. Among those, the lowest `randomKey(project seed, id)` (the
 * `random` strategy's key), then the lowest id: deterministic for a seed. No QC item left for
 * them → the ordinary queue. Blind: the lease and the response are those of any item.
 */
async function qcSolution(db: Database, tx: Orm, project: ProjectRow, asker: Asker): Promise<number | null> {
  const rate = projectQcRate(project.settings);
  if (rate <= 0) return null;
  const period = Math.ceil(1 / rate);
  const [started] = await selectRows<{ n: number | string }>(db, tx, sql`
    SELECT count(*) AS n FROM annotations own JOIN solutions s ON s.id = own.solution_id
    WHERE own.annotator_id = ${asker.userId} AND s.project_id = ${project.id}`);
  if ((Number(started?.n ?? 0) + 1) % period !== 0) return null;
  const candidates = await selectRows<{ id: number | string }>(db, tx, sql`
    SELECT g.solution_id AS id FROM adjudications g JOIN solutions s ON s.id = g.solution_id
    WHERE s.project_id = ${project.id} AND g.qc = ${sql.param(true, db.t.adjudications.qc)}
      AND NOT EXISTS (SELECT 1 FROM annotations own WHERE own.solution_id = g.solution_id AND own.annotator_id = ${asker.userId})
      AND NOT EXISTS (SELECT 1 FROM queue_skips skip WHERE skip.solution_id = g.solution_id AND skip.user_id = ${asker.userId})`);
  const seed = projectSeed(project.settings);
  const ids = candidates.map((c) => Number(c.id));
  ids.sort((a, b) => randomKey(seed, a) - randomKey(seed, b) || a - b);
  return ids[0] ?? null;
}

async function heldSolution(db: Database, tx: Orm, project: ProjectRow, asker: Asker): Promise<number | null> {
  const { userId, now } = asker;
  const [held] = await selectRows<{ id: number }>(db, tx, sql`
    SELECT l.solution_id AS id FROM leases l
    WHERE l.project_id = ${project.id} AND l.user_id = ${userId} AND l.expires_at > ${timeParam(db, now)}
      AND NOT EXISTS (SELECT 1 FROM annotations own WHERE own.solution_id = l.solution_id
        AND own.annotator_id = ${userId} AND own.status = 'submitted')
    ORDER BY l.solution_id LIMIT 1`);
  if (held) return held.id;
  // A draft whose lease lapsed while others filled the solution's slots stays stored, not offered.
  const [draft] = await selectRows<{ id: number }>(db, tx, sql`
    SELECT d.solution_id AS id FROM annotations d JOIN solutions s ON s.id = d.solution_id
    WHERE d.annotator_id = ${userId} AND d.status = 'draft' AND s.project_id = ${project.id}
      AND NOT EXISTS (SELECT 1 FROM queue_skips skip WHERE skip.solution_id = d.solution_id AND skip.user_id = ${userId})
      AND ${slotsTaken(db, sql`d.solution_id`, asker)} < ${asker.overlap}
    ORDER BY d.solution_id LIMIT 1`);
  return draft?.id ?? null;
}

/** The slot rule's left side for the solution `id`: submitted annotations + others' live leases. */
function slotsTaken(db: Database, id: SQL, { userId, now }: Asker): SQL {
  return sql`(
    (SELECT count(*) FROM annotations sub WHERE sub.solution_id = ${id} AND sub.status = 'submitted')
    + (SELECT count(*) FROM leases other WHERE other.solution_id = ${id} AND other.user_id <> ${userId}
       AND other.expires_at > ${timeParam(db, now)}))`;
}

/** The solution `id` may be offered to the asker: not theirs already, not skipped, a slot free. */
function available(db: Database, id: SQL, asker: Asker): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM annotations own WHERE own.solution_id = ${id} AND own.annotator_id = ${asker.userId})
    AND NOT EXISTS (SELECT 1 FROM queue_skips skip WHERE skip.solution_id = ${id} AND skip.user_id = ${asker.userId})
    AND ${slotsTaken(db, id, asker)} < ${asker.overlap}`;
}

/** A time as this dialect stores it (SQLite: epoch milliseconds; PostgreSQL: timestamptz). */
function timeParam(db: Database, time: Date): SQL {
  return sql`${sql.param(time, db.t.leases.expiresAt)}`;
}

async function freeSolution(db: Database, tx: Orm, project: ProjectRow, asker: Asker): Promise<number | null> {
  // A split needs two submitted labels and a free slot besides: from overlap 3 up.
  if (project.assignment === 'disagreement-first' && project.overlap >= 3) {
    const split = await freeSplitSolution(db, tx, project, asker);
    if (split !== null) return split;
  }
  return walkInOrder(db, tx, project, orderedSource(project), asker);
}

/**
 * `disagreement-first`: the first free solution, by id, whose submitted labels split
 * (domain/queue/disagreement.ts: signatures differ). One grouped pass over the project's
 * submitted annotations; those with all k labels in are left out before availability is asked.
 */
async function freeSplitSolution(db: Database, tx: Orm, project: ProjectRow, asker: Asker): Promise<number | null> {
  const signature = sql.raw(`CASE WHEN lbl.verdict = 'incorrect'
    THEN 'incorrect@' || COALESCE(CAST(lbl.first_error_step AS TEXT), '-') ELSE COALESCE(lbl.verdict, '-') END`);
  const [row] = await selectRows<{ id: number }>(db, tx, sql`
    SELECT d.id FROM (
      SELECT lbl.solution_id AS id FROM annotations lbl JOIN solutions s ON s.id = lbl.solution_id
      WHERE s.project_id = ${project.id} AND lbl.status = 'submitted'
      GROUP BY lbl.solution_id
      HAVING count(*) < ${asker.overlap} AND min(${signature}) <> max(${signature})
    ) d
    WHERE ${available(db, sql`d.id`, asker)}
    ORDER BY d.id LIMIT 1`);
  return row?.id ?? null;
}

/**
 * The project's solutions as rows (id, k0, k1, …) whose ascending keys, then id, are the
 * strategy's order (domain/queue/order.ts). A subquery, read as `src`.
 */
interface OrderedSource {
  rows: SQL;
  keys: string[];
}

/**
 * Keeps a subquery from being merged into the query around it (both dialects honour a LIMIT as
 * a fence; SQLite accepts no OFFSET without LIMIT, PostgreSQL no negative LIMIT). Used so each
 * stage of the random key is computed once per row instead of being copied into the next.
 */
const FENCE = sql.raw('LIMIT 9223372036854775807 OFFSET 0');

function orderedSource(project: ProjectRow): OrderedSource {
  const mine = sql`FROM solutions s WHERE s.project_id = ${project.id}`;
  switch (project.assignment) {
    case 'random':
      return { rows: randomKeyRows(mine, randomKeyOffset(projectSeed(project.settings))), keys: ['k0'] };
    case 'orm-uncertain-first':
      // One merge of the project's solutions with their judgments (a correlated subquery per
      // solution costs PostgreSQL five times as much).
      return {
        rows: sql`SELECT s.id AS id,
            CASE WHEN max(CASE WHEN o.step_unclear THEN 1 ELSE 0 END) = 1 THEN 0 ELSE 1 END AS k0,
            COALESCE(min(abs(o.score - 0.5)), 0) AS k1
          FROM solutions s LEFT JOIN orm_judgments o ON o.solution_id = s.id
          WHERE s.project_id = ${project.id} GROUP BY s.id`,
        keys: ['k0', 'k1'],
      };
    default: // `ordered`; `disagreement-first` once no split solution is free
      return { rows: sql`SELECT s.id AS id ${mine}`, keys: [] };
  }
}

/**
 * `random`: fmix32(id + offset) as domain/queue/random-key.ts defines it, in SQL both dialects
 * share — XOR as (a | b) − (a & b), 32-bit products in 16-bit halves — one fenced stage per round.
 */
function randomKeyRows(mine: SQL, offset: number): SQL {
  const xor = (h: string, shift: number) => `((${h} | (${h} >> ${shift})) - (${h} & (${h} >> ${shift})))`;
  const mul32 = (h: string, c: number) => `((((((${h} >> 16) * ${c}) & 65535) << 16) + ((${h} & 65535) * ${c})) & 4294967295)`;
  let rows = sql`SELECT s.id AS id, ((CAST(s.id AS BIGINT) + ${sql.raw(String(offset))}) & 4294967295) AS h ${mine} ${FENCE}`;
  FMIX32_ROUNDS.forEach(({ shift, multiply }, i) => {
    rows = sql`SELECT r${sql.raw(String(i))}.id AS id, ${sql.raw(mul32(xor(`r${i}.h`, shift), multiply))} AS h
      FROM (${rows}) r${sql.raw(String(i))} ${FENCE}`;
  });
  return sql`SELECT rk.id AS id, ${sql.raw(xor('rk.h', FMIX32_FINAL_SHIFT))} AS k0 FROM (${rows}) rk`;
}

/** First batch of the walk, and how much each further batch grows. */
const FIRST_BATCH = 64;
const BATCH_GROWTH = 16;

/**
 * The first free solution in the source's order. Availability (a few index look-ups per
 * solution) is asked batch by batch in key order — 64 solutions, then 1024, 16384, … — so it is
 * only asked of the solutions ahead of the first free one, never of the whole project; each
 * batch costs one pass over the project's rows to compute and rank the keys (for `ordered`, a
 * walk of the primary key on PostgreSQL).
 */
async function walkInOrder(db: Database, tx: Orm, project: ProjectRow, source: OrderedSource, asker: Asker): Promise<number | null> {
  const columns = [...source.keys, 'id'];
  const order = (alias: string) => sql.raw(columns.map((k) => `${alias}.${k}`).join(', '));
  const select = sql.raw(columns.map((k) => `src.${k} AS ${k}`).join(', '));
  let total: number | undefined;
  for (let offset = 0, size = FIRST_BATCH; total === undefined || offset < total; offset += size, size *= BATCH_GROWTH) {
    const [row] = await selectRows<{ id: number }>(db, tx, sql`
      SELECT c.id FROM (
        SELECT ${select} FROM (${source.rows}) src ORDER BY ${order('src')} LIMIT ${size} OFFSET ${offset}
      ) c
      WHERE ${available(db, sql`c.id`, asker)}
      ORDER BY ${order('c')} LIMIT 1`);
    if (row) return row.id;
    if (total === undefined) {
      const [counted] = await selectRows<{ n: number | string }>(db, tx, sql`SELECT count(*) AS n FROM solutions s WHERE s.project_id = ${project.id}`);
      total = Number(counted?.n ?? 0);
    }
  }
  return null;
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
 * May this annotator store a new annotation, or submit one, for the solution? Only while the
 * slot rule holds (submitted + other people's live leases < k), checked under the project's
 * assignment lock. A live lease of their own is not enough on its own: between instances a lease
 * can lapse at the very moment someone else is given the slot, and then only one of the two may
 * land. While their lease is live nobody else can have been given the slot, so the rule holds.
 */
export async function assertMayAnnotate(db: Database, tx: Orm, project: ProjectRow, solutionId: number, userId: number, now: Date): Promise<void> {
  await lockProjectForAssignment(db, tx, project.id);
  const [free] = await selectRows<{ id: number }>(db, tx, sql`
    SELECT s.id FROM solutions s
    WHERE s.id = ${solutionId} AND ${slotsTaken(db, sql`s.id`, { userId, now, overlap: project.overlap })} < ${project.overlap}`);
  if (!free && !(await holdsQcItem(db, tx, solutionId, userId, now))) {
    throw new AppError('NOT_ASSIGNED', 'this solution is not assigned to you and already has all the annotators it needs');
  }
}

/** A QC item leased to this annotator may be labelled although its k slots are taken. */
async function holdsQcItem(db: Database, tx: Orm, solutionId: number, userId: number, now: Date): Promise<boolean> {
  const [row] = await selectRows<{ id: number }>(db, tx, sql`
    SELECT g.solution_id AS id FROM adjudications g
    JOIN leases l ON l.solution_id = g.solution_id AND l.user_id = ${userId} AND l.expires_at > ${timeParam(db, now)}
    WHERE g.solution_id = ${solutionId} AND g.qc = ${sql.param(true, db.t.adjudications.qc)}`);
  return row !== undefined;
}

/**
 * Skip: the solution goes back to others and is never offered to this annotator again. A
 * submitted annotation cannot be skipped; a draft stays stored (nothing typed is lost).
 */
export async function skipSolution(
  db: Database, principal: Principal, projectId: number, solutionId: number, now = new Date(),
): Promise<void> {
  const { annotations, leases, queueSkips } = db.t;
  await db.transaction(async (tx) => {
    const [own] = await tx.select({ status: annotations.status }).from(annotations)
      .where(and(eq(annotations.solutionId, solutionId), eq(annotations.annotatorId, principal.userId))).limit(1);
    if (own?.status === 'submitted') throw new AppError('NOT_ASSIGNED', 'you have already submitted this solution; it cannot be skipped');
    await tx.insert(queueSkips).values({ solutionId, userId: principal.userId, createdAt: now }).onConflictDoNothing();
    await tx.delete(leases).where(and(eq(leases.solutionId, solutionId), eq(leases.userId, principal.userId)));
    await recordAudit(db, tx, { actorId: principal.userId, action: 'queue.skip', projectId, targetType: 'solution', targetId: solutionId, at: now });
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

import { sql, type SQL } from 'drizzle-orm';
import { REVIEW_REASONS, type ReviewCountsDto, type ReviewItemDto, type ReviewListDto, type ReviewReason } from '../../shared/schemas/api';
import type { Database } from '../db/connection';
import { selectRows } from '../db/dialect';
import { AppError } from '../errors';
import { getVisibleProject, requireRole } from './access';
import { projectQcRate } from './queue';
import type { Principal } from './sessions';

export interface ReviewQuery {
  reason?: ReviewReason;
  round?: number;
  status: 'open' | 'adjudicated';
  limit: number;
  /** `nextCursor` of the previous page: the last solution id it listed. */
  cursor?: string;
}

/** Solution ids after `after`, up to `upTo` inclusive (null: no bound). */
interface IdRange {
  after: number;
  upTo: number | null;
}

/** The first id window the list reads, and how much each further window grows. */
const FIRST_WINDOW = 2048;
const WINDOW_GROWTH = 4;

/** Each reason as a 0/1 column of the `flagged` rows below. */
const REASON_COLUMN: Record<ReviewReason, string> = {
  split_verdict: 'r_split_verdict',
  split_step: 'r_split_step',
  against_orm_verdict: 'r_orm_verdict',
  against_orm_step: 'r_orm_step',
  unsure: 'r_unsure',
  orm_step_unclear: 'r_unclear',
};

/**
 * Every solution of the project with its review flags, set-based: one grouped pass over the
 * project's submitted annotations, one over its ORM judgments, joined to the solutions. Reasons
 * (SPEC §6 "reviews disagreements"):
 * - `split_verdict`: submitted annotations give both verdicts;
 * - `split_step`: those saying incorrect name different first wrong steps;
 * - `against_orm_verdict` / `against_orm_step`: the solution has its k submitted annotations, a
 *   strict majority verdict (the consensus of SPEC §4) that contradicts the latest ORM judgment's
 *   status, or — all saying incorrect at one step — a different first wrong step than the ORM's;
 * - `unsure`: a submitted annotation carries the unsure flag;
 * - `orm_step_unclear`: an ORM judgment names no step Redline could resolve (whether or not anyone
 *   has labelled the solution yet).
 */
function flaggedRows(projectId: number, overlap: number, range: IdRange): SQL {
  const upTo = range.upTo === null ? sql`` : sql` AND s.id <= ${range.upTo}`;
  // The grouped solutions drive every join below (left joins on keys only), so no planner, however
  // stale its statistics, can run the aggregate once per row of something else.
  return sql`
    SELECT lab.id AS id, lab.external_id AS external_id, p.external_id AS problem_external_id, lab.round AS round,
      lab.n AS annotators,
      CASE WHEN g.id IS NULL THEN 0 ELSE 1 END AS adjudicated,
      CASE WHEN g.qc THEN 1 ELSE 0 END AS qc,
      gu.name AS adjudicator,
      CASE WHEN lab.nc > 0 AND lab.ni > 0 THEN 1 ELSE 0 END AS r_split_verdict,
      CASE WHEN lab.nsteps > 1 THEN 1 ELSE 0 END AS r_split_step,
      CASE WHEN lab.n >= ${overlap} AND lo.id IS NOT NULL
        AND ((lab.nc > lab.ni AND lo.status = 'WRONG') OR (lab.ni > lab.nc AND lo.status = 'CORRECT')) THEN 1 ELSE 0 END AS r_orm_verdict,
      CASE WHEN lab.n >= ${overlap} AND lab.ni > lab.nc AND lab.nsteps = 1 AND lo.status = 'WRONG'
        AND lo.error_step_index IS NOT NULL AND lab.step <> lo.error_step_index THEN 1 ELSE 0 END AS r_orm_step,
      CASE WHEN lab.unsure > 0 THEN 1 ELSE 0 END AS r_unsure,
      CASE WHEN lab.unclear > 0 THEN 1 ELSE 0 END AS r_unclear
    FROM (
      SELECT s.id AS id, s.external_id AS external_id, s.problem_id AS problem_id, s.round AS round,
        count(a.id) AS n,
        sum(CASE WHEN a.verdict = 'correct' THEN 1 ELSE 0 END) AS nc,
        sum(CASE WHEN a.verdict = 'incorrect' THEN 1 ELSE 0 END) AS ni,
        count(DISTINCT CASE WHEN a.verdict = 'incorrect' THEN a.first_error_step END) AS nsteps,
        min(CASE WHEN a.verdict = 'incorrect' THEN a.first_error_step END) AS step,
        sum(CASE WHEN a.unsure THEN 1 ELSE 0 END) AS unsure,
        (SELECT max(o.id) FROM orm_judgments o WHERE o.solution_id = s.id) AS latest,
        (SELECT sum(CASE WHEN o.step_unclear THEN 1 ELSE 0 END) FROM orm_judgments o WHERE o.solution_id = s.id) AS unclear
      FROM solutions s
      LEFT JOIN annotations a ON a.solution_id = s.id AND a.status = 'submitted'
      WHERE s.project_id = ${projectId} AND s.id > ${range.after}${upTo}
      GROUP BY s.id, s.external_id, s.problem_id, s.round
    ) lab
    LEFT JOIN problems p ON p.id = lab.problem_id
    LEFT JOIN orm_judgments lo ON lo.id = lab.latest
    LEFT JOIN adjudications g ON g.solution_id = lab.id
    LEFT JOIN users gu ON gu.id = g.adjudicator_id`;
}

const ANY_REASON = sql.raw(`(${Object.values(REASON_COLUMN).map((c) => `f.${c}`).join(' + ')}) > 0`);

interface FlaggedRow {
  id: number | string;
  external_id: string;
  problem_external_id: string;
  round: number | string;
  annotators: number | string;
  adjudicated: number | string;
  qc: number | string;
  adjudicator: string | null;
  [column: string]: unknown;
}

/**
 * `GET /api/projects/:project/review` (lead+, like progress; saving a gold needs membership): the solutions that need a lead,
 * by solution id, keyset-paged. `status=open` (default) lists those not adjudicated yet that have
 * a reason; `status=adjudicated` lists every adjudicated solution (with its reasons, maybe none).
 * `reason` and `round` filter. The counts are `reviewCounts`, asked for apart.
 */
export async function reviewQueue(db: Database, principal: Principal, projectName: string, query: ReviewQuery): Promise<ReviewListDto> {
  requireRole(principal, 'lead');
  const project = await getVisibleProject(db, principal, projectName);
  const afterId = query.cursor === undefined ? 0 : Number(query.cursor);
  if (!Number.isSafeInteger(afterId) || afterId < 0) throw new AppError('VALIDATION_FAILED', `cursor: "${query.cursor}" is not a cursor this list gave out`);
  const round = query.round === undefined ? sql`` : sql` AND f.round = ${query.round}`;
  const status = query.status === 'open' ? sql`f.adjudicated = 0 AND ${ANY_REASON}` : sql`f.adjudicated = 1`;
  const reason = query.reason === undefined ? sql`` : sql` AND f.${sql.raw(REASON_COLUMN[query.reason])} = 1`;

  // Read in id windows (2048 ids, then 8192, …) so a page costs about what it lists, not the
  // whole project; the aggregates inside are bounded by the same window.
  const [bounds] = await selectRows<{ last: number | string | null }>(db, db.orm, sql`SELECT max(s.id) AS last FROM solutions s WHERE s.project_id = ${project.id}`);
  const lastId = Number(bounds?.last ?? 0);
  const rows: FlaggedRow[] = [];
  for (let after = afterId, size = FIRST_WINDOW; rows.length <= query.limit && after < lastId; after += size, size *= WINDOW_GROWTH) {
    rows.push(...await selectRows<FlaggedRow>(db, db.orm, sql`
      SELECT f.* FROM (${flaggedRows(project.id, project.overlap, { after, upTo: after + size })}) f
      WHERE ${status}${reason}${round}
      ORDER BY f.id LIMIT ${query.limit + 1 - rows.length}`));
  }
  const page = rows.slice(0, query.limit);
  const items: ReviewItemDto[] = page.map((r) => ({
    solutionId: Number(r.id),
    externalId: r.external_id,
    problemExternalId: r.problem_external_id,
    round: Number(r.round),
    reasons: REVIEW_REASONS.filter((name) => Number(r[REASON_COLUMN[name]]) === 1),
    annotators: Number(r.annotators),
    adjudicated: Number(r.adjudicated) === 1,
    adjudicator: r.adjudicator,
    qc: Number(r.qc) === 1,
  }));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? String(last.id) : null };
}

/**
 * `GET /api/projects/:project/review/counts` (lead+): open and adjudicated totals and, per reason,
 * the solutions of `status` that have it; `round` filters. One pass over the whole project.
 */
export async function reviewCounts(
  db: Database, principal: Principal, projectName: string, query: Pick<ReviewQuery, 'status' | 'round'>,
): Promise<ReviewCountsDto> {
  requireRole(principal, 'lead');
  const { id: projectId, overlap } = await getVisibleProject(db, principal, projectName);
  const round = query.round === undefined ? sql`` : sql` AND f.round = ${query.round}`;
  const listed = query.status === 'open' ? sql`f.adjudicated = 0` : sql`f.adjudicated = 1`;
  const perReason = sql.raw(Object.entries(REASON_COLUMN).map(([name, c]) => `sum(CASE WHEN f.listed = 1 THEN f.${c} ELSE 0 END) AS ${name}`).join(', '));
  const [row] = await selectRows<Record<string, number | string | null>>(db, db.orm, sql`
    SELECT sum(CASE WHEN f.adjudicated = 0 AND ${ANY_REASON} THEN 1 ELSE 0 END) AS open,
      sum(f.adjudicated) AS adjudicated, ${perReason}
    FROM (SELECT f.*, CASE WHEN ${listed} THEN 1 ELSE 0 END AS listed
      FROM (${flaggedRows(projectId, overlap, { after: 0, upTo: null })}) f WHERE 1 = 1${round}) f`);
  const n = (v: number | string | null | undefined) => Number(v ?? 0);
  return {
    open: n(row?.open),
    adjudicated: n(row?.adjudicated),
    byReason: Object.fromEntries(REVIEW_REASONS.map((name) => [name, n(row?.[name])])) as Record<ReviewReason, number>,
  };
}

/**
 * `GET /api/projects/:project/qc` (lead+): the project's QC rate and how many
 * adjudications are marked as QC items (what the settings form shows beside the rate).
 */
export async function qcSummary(db: Database, principal: Principal, projectName: string): Promise<{ qcRate: number; qcItems: number }> {
  requireRole(principal, 'lead');
  const project = await getVisibleProject(db, principal, projectName);
  const [row] = await selectRows<{ n: number | string }>(db, db.orm, sql`
    SELECT count(*) AS n FROM adjudications g JOIN solutions s ON s.id = g.solution_id
    WHERE s.project_id = ${project.id} AND g.qc = ${sql.param(true, db.t.adjudications.qc)}`);
  return { qcRate: projectQcRate(project.settings), qcItems: Number(row?.n ?? 0) };
}

import { and, asc, between, count, eq, gt, inArray, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { readRows } from '../../db/read-rows';
import type { MergeInput } from '../../domain/merge/merge';
import type { Judgment, MergeSource } from '../../domain/merge/judgment';
import type { ExportProblem, ExportSolution, ImageRef } from '../../domain/export/records';
import type { RatingSources } from '../../domain/export/step-ratings';

/**
 * Reads a project for export a page at a time (keyset on solution id), loading each page's
 * annotations, adjudications, ORM judgments, problems and images with `IN (…)` queries: memory
 * holds one page, never the project. Image bytes are not read here (see loadImageData).
 */

/** Which solutions an export reads; each present list must match (AND), values within a list OR. */
export interface ExportFilter {
  rounds?: number[];
  /** The solutions' generating models. */
  models?: string[];
  /** The problems' subject and source fields. */
  subjects?: string[];
  sources?: string[];
}

export interface ExportItem {
  solutionId: number;
  solutionExternalId: string;
  problemId: number;
  round: number;
  solution: ExportSolution;
  /** Absent when the page was read without problems (the first pass of reflection). */
  problem: ExportProblem | null;
  merge: MergeInput;
  /** prm: per-step ratings of the adjudication and the submitted annotations. */
  ratings: RatingSources;
}

function filterConditions(db: Database, projectId: number, filter: ExportFilter): SQL[] {
  const { solutions: s, problems: p } = db.t;
  const conditions: SQL[] = [eq(s.projectId, projectId)];
  if (filter.rounds) conditions.push(inArray(s.round, filter.rounds));
  if (filter.models) conditions.push(inArray(s.model, filter.models));
  const problemConditions: SQL[] = [];
  if (filter.subjects) problemConditions.push(inArray(p.subject, filter.subjects));
  if (filter.sources) problemConditions.push(inArray(p.source, filter.sources));
  if (problemConditions.length > 0) {
    conditions.push(inArray(s.problemId, db.orm.select({ id: p.id }).from(p).where(and(eq(p.projectId, projectId), ...problemConditions))));
  }
  return conditions;
}

/** How many solutions the filters select (for progress). */
export async function countSolutions(db: Database, projectId: number, filter: ExportFilter): Promise<number> {
  const [row] = await db.orm.select({ n: count() }).from(db.t.solutions).where(and(...filterConditions(db, projectId, filter)));
  return Number(row?.n ?? 0);
}

/** The solutions of some problems, under the export's filters, in id order (reflection's fallback). */
export async function problemsSolutions(
  db: Database,
  projectId: number,
  filter: ExportFilter,
  sources: readonly MergeSource[],
  problemIds: number[],
): Promise<ExportItem[]> {
  if (problemIds.length === 0) return [];
  const s = db.t.solutions;
  const rows = await readRows(db, db.orm
    .select({ id: s.id, problemId: s.problemId, externalId: s.externalId, round: s.round, steps: s.steps, finalAnswer: s.finalAnswer })
    .from(s)
    .where(and(...filterConditions(db, projectId, filter), inArray(s.problemId, problemIds)))
    .orderBy(asc(s.id)));
  return toItems(rows, await loadMergeInputs(db, rows, sources), null);
}

type SolutionRow = { id: number; problemId: number; externalId: string; round: number; steps: string[]; finalAnswer: string | null };

function toItems(rows: readonly SolutionRow[], { merge, ratings }: Awaited<ReturnType<typeof loadMergeInputs>>, problems: Map<number, ExportProblem> | null): ExportItem[] {
  return rows.map((row) => ({
    solutionId: row.id,
    solutionExternalId: row.externalId,
    problemId: row.problemId,
    round: row.round,
    solution: { steps: row.steps, finalAnswer: row.finalAnswer },
    problem: problems?.get(row.problemId) ?? null,
    merge: merge.get(row.id) ?? { gold: null, annotations: [], orm: [], stepCount: row.steps.length },
    ratings: ratings.get(row.id) ?? { gold: null, annotations: [] },
  }));
}

export async function* exportPages(
  db: Database,
  projectId: number,
  filter: ExportFilter,
  options: { pageSize: number; withProblems: boolean; sources: readonly MergeSource[] },
): AsyncGenerator<ExportItem[]> {
  let lastId = 0;
  for (;;) {
    const page = await readPage(db, projectId, filter, options, lastId);
    if (page === null) return;
    lastId = page.lastId;
    const full = page.items.length === options.pageSize;
    // Only the items outlive this point: the rows and maps they were built from die with readPage.
    yield page.items;
    if (!full) return;
  }
}

/** The page of solutions after `lastId`, or null past the last one. */
async function readPage(
  db: Database,
  projectId: number,
  filter: ExportFilter,
  options: { pageSize: number; withProblems: boolean; sources: readonly MergeSource[] },
  lastId: number,
): Promise<{ items: ExportItem[]; lastId: number } | null> {
  const s = db.t.solutions;
  const conditions = [...filterConditions(db, projectId, filter), gt(s.id, lastId)];
  const rows = await readRows(db, db.orm
    .select({ id: s.id, problemId: s.problemId, externalId: s.externalId, round: s.round, steps: s.steps, finalAnswer: s.finalAnswer })
    .from(s)
    .where(and(...conditions))
    .orderBy(asc(s.id))
    .limit(options.pageSize));
  const last = rows.at(-1);
  if (!last) return null;
  const inputs = await loadMergeInputs(db, rows, options.sources);
  const problems = options.withProblems ? await loadProblems(db, [...new Set(rows.map((r) => r.problemId))]) : null;
  return { items: toItems(rows, inputs, problems), lastId: last.id };
}

/**
 * `column IN (ids)`, or `column BETWEEN min AND max` when the ids are dense (a page of one
 * project's solutions usually is): building and planning a 500-value IN list costs more than the
 * rows it reads. Callers look rows up by id, so the few extra ids a range may take are dropped.
 */
function idsCondition(column: AnyColumn, ids: readonly number[]): SQL {
  let min = Infinity;
  let max = -Infinity;
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  return ids.length > 0 && max - min + 1 <= 2 * ids.length ? between(column, min, max) : inArray(column, [...ids]);
}

/**
 * Submitted annotations always (consensus, agreement, and the ratings of PRM records); the
 * adjudication and the ORM judgments only when the policy has a source that reads them.
 */
async function loadMergeInputs(
  db: Database,
  rows: ReadonlyArray<{ id: number; steps: string[] }>,
  sources: readonly MergeSource[],
): Promise<{ merge: Map<number, MergeInput>; ratings: Map<number, { gold: RatingSources['gold']; annotations: Array<RatingSources['annotations'][number]> }> }> {
  const { annotations: a, adjudications: g, ormJudgments: o, users: u } = db.t;
  const ids = rows.map((r) => r.id);
  const inputs = new Map<number, MergeInput>(
    rows.map((r) => [r.id, { gold: null, annotations: [], orm: [], stepCount: r.steps.length }]),
  );
  const ratings = new Map(rows.map((r) => [r.id, { gold: null as RatingSources['gold'], annotations: [] as Array<RatingSources['annotations'][number]> }]));
  const judgmentColumns = (t: typeof a | typeof g) => ({
    solutionId: t.solutionId,
    verdict: t.verdict,
    firstErrorStep: t.firstErrorStep,
    errorType: t.errorType,
    errorAnalysis: t.errorAnalysis,
    improvementSuggestion: t.improvementSuggestion,
    correctedSolution: t.correctedSolution,
    badProblem: t.badProblem,
  });

  const annotations = await readRows(db, db.orm
    .select({ ...judgmentColumns(a), stepRatings: a.stepRatings, annotator: u.name, submittedAt: a.submittedAt, updatedAt: a.updatedAt })
    .from(a)
    .innerJoin(u, eq(u.id, a.annotatorId))
    .where(and(idsCondition(a.solutionId, ids), eq(a.status, 'submitted')))
    .orderBy(asc(a.id)));
  // Fields are copied one by one, not with object rest / spread (`{ solutionId, ...rest }`,
  // `{ ...rest, submittedAt }`): measured with V8's sampling heap profiler, those copies all
  // ended in the old generation (~31 MB of old-space garbage per 100,000 solutions, a third of
  // what made a long export's heap, and so its RSS, grow), where literals die young.
  for (const row of annotations) {
    // Imported labels may lack a submission time; their last save stands in for it.
    const when = row.submittedAt ?? row.updatedAt;
    inputs.get(row.solutionId)?.annotations.push({
      verdict: row.verdict,
      firstErrorStep: row.firstErrorStep,
      errorType: row.errorType,
      errorAnalysis: row.errorAnalysis,
      improvementSuggestion: row.improvementSuggestion,
      correctedSolution: row.correctedSolution,
      badProblem: row.badProblem,
      annotator: row.annotator,
      submittedAt: when,
    });
    ratings.get(row.solutionId)?.annotations.push({ verdict: row.verdict, firstErrorStep: row.firstErrorStep, submittedAt: when, stepRatings: row.stepRatings });
  }

  const golds = !sources.includes('gold') ? [] : await readRows(db, db.orm.select({ ...judgmentColumns(g), stepRatings: g.stepRatings }).from(g).where(idsCondition(g.solutionId, ids)));
  for (const row of golds) {
    const input = inputs.get(row.solutionId);
    if (input) input.gold = judgmentOf(row);
    const rated = ratings.get(row.solutionId);
    if (rated) rated.gold = row.stepRatings;
  }

  const orms = !sources.includes('orm') ? [] : await readRows(db, db.orm
    .select({
      id: o.id,
      solutionId: o.solutionId,
      model: o.model,
      status: o.status,
      errorStepIndex: o.errorStepIndex,
      errorAnalysis: o.errorAnalysis,
      improvementSuggestion: o.improvementSuggestion,
      score: o.score,
      createdAt: o.createdAt,
    })
    .from(o)
    .where(idsCondition(o.solutionId, ids))
    .orderBy(asc(o.id)));
  for (const row of orms) {
    inputs.get(row.solutionId)?.orm.push({
      id: row.id,
      model: row.model,
      status: row.status,
      errorStepIndex: row.errorStepIndex,
      errorAnalysis: row.errorAnalysis,
      improvementSuggestion: row.improvementSuggestion,
      score: row.score,
      createdAt: row.createdAt,
    });
  }
  return { merge: inputs, ratings };
}

/** A row's judgment fields, in judgmentColumns' order (copied field by field: see the annotations above). */
function judgmentOf(row: Judgment): Judgment {
  return {
    verdict: row.verdict,
    firstErrorStep: row.firstErrorStep,
    errorType: row.errorType,
    errorAnalysis: row.errorAnalysis,
    improvementSuggestion: row.improvementSuggestion,
    correctedSolution: row.correctedSolution,
    badProblem: row.badProblem,
  };
}

export async function loadProblems(db: Database, problemIds: number[]): Promise<Map<number, ExportProblem>> {
  const { problems: p, problemImages: pi, images: im } = db.t;
  const rows = await readRows(db, db.orm
    .select({ id: p.id, externalId: p.externalId, question: p.question })
    .from(p)
    .where(inArray(p.id, problemIds)));
  const images = await readRows(db, db.orm
    .select({ problemId: pi.problemId, sha256: im.sha256, mime: im.mime })
    .from(pi)
    .innerJoin(im, eq(im.sha256, pi.imageSha256))
    .where(inArray(pi.problemId, problemIds))
    .orderBy(asc(pi.problemId), asc(pi.position)));
  const byProblem = new Map<number, ImageRef[]>();
  for (const { problemId, sha256, mime } of images) {
    const list = byProblem.get(problemId) ?? [];
    list.push({ sha256, mime });
    byProblem.set(problemId, list);
  }
  return new Map(rows.map((r) => [r.id, { externalId: r.externalId, question: r.question, images: byProblem.get(r.id) ?? [] }]));
}

/** Steps, final answers and external ids of a few solutions (reflection's siblings, preference pairs). */
export async function loadSolutionTexts(db: Database, ids: number[]): Promise<Map<number, ExportSolution & { externalId: string }>> {
  if (ids.length === 0) return new Map();
  const s = db.t.solutions;
  const rows = await readRows(db, db.orm
    .select({ id: s.id, externalId: s.externalId, steps: s.steps, finalAnswer: s.finalAnswer })
    .from(s)
    .where(inArray(s.id, ids)));
  return new Map(rows.map((r) => [r.id, { externalId: r.externalId, steps: r.steps, finalAnswer: r.finalAnswer }]));
}

/** The bytes of the images a page's records use; one query per page. */
export async function loadImageData(db: Database, sha256s: string[]): Promise<Map<string, Buffer>> {
  if (sha256s.length === 0) return new Map();
  const im = db.t.images;
  const rows = await readRows(db, db.orm.select({ sha256: im.sha256, data: im.data }).from(im).where(inArray(im.sha256, sha256s)));
  return new Map(rows.map((r) => [r.sha256, r.data]));
}

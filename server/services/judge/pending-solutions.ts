import { and, asc, count, eq, gt, inArray, notExists, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import type { PromptImage } from '../../domain/judge/request-builder';

/**
 * The solutions a judge run still has to send: those of the project (optionally one round) with
 * no judgment from the model yet. Resumable by construction — a re-run finds only what is still
 * missing. Read a page at a time (keyset on solution id) with the page's problems and image
 * bytes, so memory holds one page, never the project.
 */
export interface PendingSolution {
  solutionId: number;
  externalId: string;
  steps: string[];
  finalAnswer: string | null;
  question: string;
  answer: string | null;
  /** The problem's images in its order. */
  images: PromptImage[];
}

export interface JudgeScope {
  projectId: number;
  model: string;
  round?: number | null;
}

function scopeConditions(db: Database, scope: JudgeScope): SQL[] {
  const s = db.t.solutions;
  const conditions: SQL[] = [eq(s.projectId, scope.projectId)];
  if (scope.round !== undefined && scope.round !== null) conditions.push(eq(s.round, scope.round));
  return conditions;
}

function notJudged(db: Database, model: string): SQL {
  const { solutions: s, ormJudgments: o } = db.t;
  return notExists(db.orm.select({ one: o.id }).from(o).where(and(eq(o.solutionId, s.id), eq(o.model, model))));
}

/** How many solutions are in scope, and how many of them still lack a judgment from the model. */
export async function countScope(db: Database, scope: JudgeScope): Promise<{ inScope: number; pending: number }> {
  const s = db.t.solutions;
  const [all] = await db.orm.select({ n: count() }).from(s).where(and(...scopeConditions(db, scope)));
  const [pending] = await db.orm.select({ n: count() }).from(s).where(and(...scopeConditions(db, scope), notJudged(db, scope.model)));
  return { inScope: Number(all?.n ?? 0), pending: Number(pending?.n ?? 0) };
}

export async function* pendingPages(db: Database, scope: JudgeScope, pageSize: number): AsyncGenerator<PendingSolution[]> {
  const { solutions: s, problems: p } = db.t;
  let lastId = 0;
  for (;;) {
    const rows = await db.orm
      .select({ id: s.id, externalId: s.externalId, steps: s.steps, finalAnswer: s.finalAnswer, problemId: s.problemId, question: p.question, answer: p.answer })
      .from(s)
      .innerJoin(p, eq(p.id, s.problemId))
      .where(and(...scopeConditions(db, scope), notJudged(db, scope.model), gt(s.id, lastId)))
      .orderBy(asc(s.id))
      .limit(pageSize);
    const last = rows.at(-1);
    if (!last) return;
    const images = await loadImages(db, [...new Set(rows.map((r) => r.problemId))]);
    yield rows.map((r) => ({
      solutionId: r.id,
      externalId: r.externalId,
      steps: r.steps,
      finalAnswer: r.finalAnswer,
      question: r.question,
      answer: r.answer,
      images: images.get(r.problemId) ?? [],
    }));
    if (rows.length < pageSize) return;
    lastId = last.id;
  }
}

async function loadImages(db: Database, problemIds: number[]): Promise<Map<number, PromptImage[]>> {
  const { problemImages: pi, images: i } = db.t;
  const rows = await db.orm
    .select({ problemId: pi.problemId, mime: i.mime, data: i.data })
    .from(pi)
    .innerJoin(i, eq(i.sha256, pi.imageSha256))
    .where(inArray(pi.problemId, problemIds))
    .orderBy(asc(pi.problemId), asc(pi.position));
  const byProblem = new Map<number, PromptImage[]>();
  for (const row of rows) {
    const list = byProblem.get(row.problemId) ?? [];
    list.push({ mime: row.mime, data: row.data });
    byProblem.set(row.problemId, list);
  }
  return byProblem;
}

import { eq, inArray } from 'drizzle-orm';
import type { DrillDownQuery, DrillDownResponse } from '../../../shared/schemas/agreement';
import type { Database } from '../../db/connection';
import { drillDown, type DrillDownCell } from '../../domain/agreement/drill-down';
import { finalHumanJudgments } from '../../domain/agreement/final-human';
import { VERDICT_NAMES } from '../../domain/agreement/report-data';
import { AppError } from '../../errors';
import { loadAgreementScope } from './agreement-report';

export const DRILL_DOWN_LIMIT = 200;

/**
 * `GET /api/projects/:project/agreement/solutions?cell=…`: the solutions behind one cell of the
 * report, under the report's filters, in id order, at most 200 (`total` counts all, `truncated`
 * says rows were left out). Same data and rules as the report (domain/agreement/drill-down.ts).
 */
export async function agreementDrillDown(db: Database, project: string, query: DrillDownQuery): Promise<DrillDownResponse> {
  const cell = checkCell(query);
  const { project: row, data } = await loadAgreementScope(db, {
    project,
    round: query.round,
    subject: query.subject,
    annotator: query.annotator,
    ormModel: query.ormModel,
    bootstrap: false,
  });
  const final = finalHumanJudgments(data, row.overlap);
  const matches = drillDown(data, final, cell);
  const shown = matches.slice(0, DRILL_DOWN_LIMIT);
  const ids = shown.map((s) => data.solutions.id[s] as number);
  const { solutions: s, problems: p } = db.t;
  const details = ids.length === 0
    ? []
    : await db.orm
      .select({ id: s.id, externalId: s.externalId, problemExternalId: p.externalId, round: s.round, model: s.model })
      .from(s)
      .innerJoin(p, eq(p.id, s.problemId))
      .where(inArray(s.id, ids));
  const byId = new Map(details.map((d) => [d.id, d]));
  const verdict = (code: number) => (code < 0 ? null : (VERDICT_NAMES[code] ?? null));
  return {
    solutions: shown.flatMap((index) => {
      const detail = byId.get(data.solutions.id[index] as number);
      if (!detail) return [];
      return [{ ...detail, humanVerdict: verdict(final.verdict[index] as number), ormVerdict: verdict(data.orm.verdict[index] as number) }];
    }),
    total: matches.length,
    truncated: matches.length > shown.length,
  };
}

/** The cell's own parameters, or VALIDATION_FAILED naming the one missing. */
function checkCell(query: DrillDownQuery): DrillDownCell {
  const need = <T>(name: string, value: T | undefined): T => {
    if (value === undefined || value === '') throw new AppError('VALIDATION_FAILED', `cell=${query.cell} needs the query parameter "${name}"`);
    return value;
  };
  const round = (name: 'from' | 'to') => {
    const raw = need(name, query[name]);
    if (!/^\d+$/.test(raw)) throw new AppError('VALIDATION_FAILED', `${name} must be a whole number ≥ 0, got "${raw}"`);
    return Number(raw);
  };
  switch (query.cell) {
    case 'confusion':
      return { cell: 'confusion', human: need('human', query.human) === 'correct' ? 0 : 1, orm: need('orm', query.orm) === 'correct' ? 0 : 1 };
    case 'pair':
      return { cell: 'pair', a: need('a', query.a), b: need('b', query.b) };
    case 'errorType':
      return { cell: 'errorType', errorType: need('errorType', query.errorType) };
    case 'transition':
      return { cell: 'transition', from: round('from'), to: round('to'), transition: need('transition', query.transition) };
    case 'annotator':
      return { cell: 'annotator', name: need('name', query.name) };
    case 'qc':
      return { cell: 'qc', name: need('name', query.name) };
  }
}

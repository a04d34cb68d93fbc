import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Orm } from '../../db/connection';
import { parseMathseOrm, toOrmRecord } from '../../domain/import/formats/mathse-orm';
import { parseJsonLine } from '../../domain/import/json-line';
import type { NativeOrm } from '../../../shared/schemas/native-import';
import { differingFields } from '../../domain/import/digest';
import { KnownState, ORM_FIELDS, ormDigest, pairKey } from '../../domain/import/plan-line';
import type { PassContext, PassInput, PassTally } from './import-pass';
import type { BadLine } from './prepare-batch';
import type { SourceRecord } from './record-source';

const IN_CHUNK = 500;

interface OrmLine {
  recordNo: number;
  solutionExternalId: string;
  judgment: NativeOrm;
}

/**
 * One streaming pass over a mathse-orm file (SPEC §3.2): each record adds an ORM judgment to a
 * solution already stored in the project, found by `solution_id`. Same contract as runPass:
 * a bad record (unknown solution, invalid fields, a different judgment by the same model already
 * stored) writes nothing; the same judgment again is unchanged; `validate` writes nothing and
 * carries what earlier records introduced in `known`; under `strict` a batch with a bad record
 * is not written and the pass stops. `error_step` is read against the stored solution's steps.
 */
export async function runOrmPass(ctx: PassContext, input: Pick<PassInput, 'batches'>, mode: 'validate' | 'write', known: KnownState): Promise<PassTally> {
  const { db } = ctx;
  const tally: PassTally = {
    lines: 0, imported: { problems: 0, solutions: 0, ormJudgments: 0, annotations: 0, images: 0 },
    unchanged: 0, bad: [], badCount: 0, wrote: false,
  };
  for await (const batch of input.batches()) {
    const bad: BadLine[] = [];
    const good: OrmLine[] = [];
    for (const record of batch.records) {
      const parsed = readRecord(record);
      if (parsed.ok) good.push({ recordNo: record.recordNo, ...parsed });
      else bad.push({ line: record.recordNo, reason: parsed.reason });
    }
    const decide = async (tx: Orm, state: KnownState) => {
      const stored = await loadSolutions(db, tx, ctx.projectId, good, state);
      const rows = [];
      let unchanged = 0;
      for (const line of good) {
        const solution = stored.get(line.solutionExternalId);
        if (!solution && !state.solutions.has(line.solutionExternalId)) {
          bad.push({ line: line.recordNo, reason: `solution_id: no solution "${line.solutionExternalId}" in this project (import its solution first)` });
          continue;
        }
        const record = toOrmRecord(line.judgment, solution?.stepCount ?? Number.MAX_SAFE_INTEGER);
        const key = pairKey(line.solutionExternalId, record.model);
        const digest = ormDigest(record);
        const before = state.orm.get(key);
        if (before === undefined) {
          state.orm.set(key, digest);
          if (solution) rows.push({ ...record, solutionId: solution.id });
        } else if (before === digest) {
          unchanged += 1;
        } else {
          const fields = differingFields(ORM_FIELDS, before, digest);
          bad.push({ line: line.recordNo, reason: `the ORM judgment of ${record.model} for ${line.solutionExternalId} conflicts with the stored one (${fields.join(', ')} differ${fields.length > 1 ? '' : 's'})` });
        }
      }
      return { rows, unchanged };
    };
    if (mode === 'validate') {
      await decide(db.orm, known);
    } else if (!(ctx.strict && bad.length > 0)) {
      const written = await db.transaction(async (tx) => {
        const decided = await decide(tx, new KnownState());
        if (ctx.strict && bad.length > 0) return null;
        for (let i = 0; i < decided.rows.length; i += IN_CHUNK) await tx.insert(db.t.ormJudgments).values(decided.rows.slice(i, i + IN_CHUNK));
        // Counts only: a transaction's result outlives it (see import-pass.ts).
        return { inserted: decided.rows.length, unchanged: decided.unchanged };
      });
      if (written) {
        tally.wrote = true;
        tally.imported.ormJudgments += written.inserted;
        tally.unchanged += written.unchanged;
      }
    }
    tally.lines += batch.records.length;
    bad.sort((a, b) => a.line - b.line);
    tally.badCount += bad.length;
    tally.bad.push(...bad.slice(0, Math.max(0, ctx.maxReportedBad - tally.bad.length)));
    ctx.onBatch(tally, batch.bytesRead);
    if (mode === 'write' && ctx.strict && bad.length > 0) break;
  }
  return tally;
}

function readRecord(record: SourceRecord): { ok: true; solutionExternalId: string; judgment: NativeOrm } | { ok: false; reason: string } {
  if ('error' in record) return { ok: false, reason: record.error };
  let value: unknown;
  if ('text' in record) {
    const parsed = parseJsonLine(record.text);
    if (!parsed.ok) return parsed;
    value = parsed.value;
  } else {
    value = record.value;
  }
  return parseMathseOrm(value);
}

/**
 * The batch's solutions (id, step count) and, into `known`, digests of their stored judgments
 * (never replacing an entry from an earlier record of this import).
 */
async function loadSolutions(db: Database, tx: Orm, projectId: number, lines: readonly OrmLine[], known: KnownState) {
  const { solutions, ormJudgments } = db.t;
  const out = new Map<string, { id: number; stepCount: number }>();
  const externalIds = [...new Set(lines.map((l) => l.solutionExternalId))];
  for (let i = 0; i < externalIds.length; i += IN_CHUNK) {
    const rows = await tx.select({ id: solutions.id, externalId: solutions.externalId, steps: solutions.steps }).from(solutions)
      .where(and(eq(solutions.projectId, projectId), inArray(solutions.externalId, externalIds.slice(i, i + IN_CHUNK))));
    for (const row of rows) out.set(row.externalId, { id: row.id, stepCount: row.steps.length });
  }
  const byId = new Map([...out].map(([externalId, s]) => [s.id, externalId]));
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const rows = await tx.select({
      solutionId: ormJudgments.solutionId, model: ormJudgments.model, status: ormJudgments.status, errorStep: ormJudgments.errorStep,
      errorAnalysis: ormJudgments.errorAnalysis, improvementSuggestion: ormJudgments.improvementSuggestion, score: ormJudgments.score,
    }).from(ormJudgments).where(inArray(ormJudgments.solutionId, ids.slice(i, i + IN_CHUNK)));
    for (const j of rows) {
      const key = pairKey(byId.get(j.solutionId) ?? '', j.model);
      if (!known.orm.has(key)) known.orm.set(key, ormDigest(j));
    }
  }
  return out;
}

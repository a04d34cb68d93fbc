import { z } from 'zod';
import { NativeOrmSchema, type NativeOrm } from '../../../../shared/schemas/native-import';
import { describeIssue } from '../describe-issue';
import { toOrmRecord } from '../native-line';

const MathseOrmRecordSchema = NativeOrmSchema.extend({ solution_id: z.string().trim().min(1, 'must not be empty').max(500) });

export type MathseOrmRecord = { ok: true; solutionExternalId: string; judgment: NativeOrm } | { ok: false; reason: string };

/**
 * One MathSE ORM record (SPEC §3.2): `{solution_id, model, status, error_step, error_analysis,
 * improvement_suggestion, score?}`. It names a solution that must already be stored; the caller
 * looks it up and turns the judgment into an OrmRecord with `toOrmRecord`.
 */
export function parseMathseOrm(value: unknown): MathseOrmRecord {
  const parsed = MathseOrmRecordSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error.issues, value) };
  const { solution_id: solutionExternalId, ...judgment } = parsed.data;
  return { ok: true, solutionExternalId, judgment };
}

/** The stored form of a judgment: the native importer's own mapping. */
export { toOrmRecord };

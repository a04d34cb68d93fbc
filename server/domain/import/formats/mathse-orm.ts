import { z } from 'zod';
import { NativeOrmSchema, type NativeOrm } from '../../../../shared/schemas/native-import';
import { parseErrorStep } from '../../steps/parse-error-step';
import { describeIssue } from '../describe-issue';
import type { OrmRecord } from '../native-line';

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

/** The stored form of a judgment, with `error_step` read against the solution's step count. */
export function toOrmRecord(judgment: NativeOrm, stepCount: number): OrmRecord {
  const errorStep = judgment.error_step === null || judgment.error_step === undefined ? null : String(judgment.error_step);
  // A CORRECT verdict blames no step, whatever the error_step field says (as in native lines).
  const parsed = judgment.status === 'CORRECT' ? { index: null, unclear: false } : parseErrorStep(judgment.error_step, stepCount);
  return {
    model: judgment.model,
    status: judgment.status,
    errorStep,
    errorStepIndex: parsed.index,
    stepUnclear: parsed.unclear,
    errorAnalysis: judgment.error_analysis ?? null,
    improvementSuggestion: judgment.improvement_suggestion ?? null,
    score: judgment.score ?? null,
  };
}

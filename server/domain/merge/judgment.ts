import type { Verdict } from '../../../shared/schemas/annotation';

/**
 * The nouns of merging (SPEC §4). Contract: every step index here is 0-based (`steps[i]`);
 * "Step N" (1-based) exists only in exported text.
 */

export const MERGE_SOURCES = ['gold', 'consensus', 'orm'] as const;
export type MergeSource = (typeof MERGE_SOURCES)[number];

/** The judgment fields of an annotation or adjudication that merging reads. */
export interface Judgment {
  verdict: Verdict | null;
  /** 0-based; null when correct (or not given). */
  firstErrorStep: number | null;
  errorType: string | null;
  errorAnalysis: string;
  improvementSuggestion: string;
  correctedSolution: string[] | null;
  badProblem: boolean;
}

export interface SubmittedAnnotation extends Judgment {
  annotator: string;
  submittedAt: Date;
}

/** An ORM judgment as stored (SPEC §2), reduced to what merging needs. */
export interface OrmJudgment {
  id: number;
  model: string;
  status: 'CORRECT' | 'WRONG';
  /** 0-based, parsed from the ORM's `error_step`; null when it named no step. */
  errorStepIndex: number | null;
  errorAnalysis: string | null;
  improvementSuggestion: string | null;
  /** 0..1, higher = more confident the solution is correct. */
  score: number | null;
  createdAt: Date;
}

/** A resolved judgment: always has a verdict and is never a bad problem. */
export interface FinalJudgment extends Judgment {
  verdict: Verdict;
}

export interface MergeInput {
  /** The current adjudication, if any. */
  gold: Judgment | null;
  /** Submitted annotations only; drafts never count. */
  annotations: SubmittedAnnotation[];
  orm: OrmJudgment[];
  /** Steps in the solution: step indices outside 0..stepCount-1 are treated as absent. */
  stepCount: number;
}

export interface MergePolicy {
  /** Tried in order; the first that yields a judgment wins. */
  sources: readonly MergeSource[];
  /** Consensus needs at least this many submitted annotations (SPEC: default = project overlap). */
  minAnnotators: number;
  /** ORM only: CORRECT needs score ≥ bar, WRONG needs score ≤ 1 − bar; no score fails the bar. */
  ormMinScore?: number;
  /** ORM only: use this model's judgment instead of the latest one. */
  ormModel?: string;
}

export const MERGE_LEFT_OUT_REASONS = ['no_judgment', 'too_few_annotators', 'unresolved', 'bad_problem', 'orm_below_score'] as const;
export type MergeLeftOutReason = (typeof MERGE_LEFT_OUT_REASONS)[number];

export type MergeResult =
  | {
      ok: true;
      source: MergeSource;
      judgment: FinalJudgment;
      /** Submitted annotations of the solution (whatever the source). */
      annotators: number;
      /** Share of those annotations whose verdict equals the final verdict; null with none. */
      agreement: number | null;
    }
  | { ok: false; reason: MergeLeftOutReason };

/**
 * What one source says: a judgment; a reason it could not give one although it had data
 * (`bad_problem` ends the search: it is a finding, not a gap); or nothing at all.
 */
export type SourceOutcome =
  | { kind: 'resolved'; judgment: FinalJudgment }
  | { kind: 'failed'; reason: Exclude<MergeLeftOutReason, 'no_judgment'> }
  | { kind: 'absent' };

/** A step index that names a step of the solution, else null. */
export function validStep(index: number | null, stepCount: number): number | null {
  return index !== null && Number.isInteger(index) && index >= 0 && index < stepCount ? index : null;
}

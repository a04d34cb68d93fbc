import { EXPORT_KIND_NAMES } from '../../../shared/schemas/export';
import type { FinalJudgment } from '../merge/merge';

/**
 * The nouns of dataset shaping (SPEC §5). Kinds build neutral records; formats render them.
 * Contract: indices in data are 0-based; "Step N" in text is 1-based.
 */

export interface ImageRef {
  sha256: string;
  mime: string;
}

export interface ExportProblem {
  externalId: string;
  question: string;
  /** In the problem's order (position); formats emit one image token per entry. */
  images: readonly ImageRef[];
}

export interface ExportSolution {
  steps: readonly string[];
  finalAnswer: string | null;
}

/** One user turn (text + images) answered by one assistant turn (sft, reflection, orm). */
export interface ConversationRecord {
  type: 'conversation';
  images: readonly ImageRef[];
  /** The user's text, without image tokens: formats place the images. */
  prompt: string;
  response: string;
}

/** prm: a prompt, the solution's steps, one label per step (same length, same order). */
export interface StepLabelRecord {
  type: 'step_labels';
  images: readonly ImageRef[];
  prompt: string;
  /** Non-empty; `labels[i]` judges `steps[i]`. */
  steps: readonly string[];
  labels: readonly boolean[];
}

/** preference: one prompt, a correct (chosen) and an incorrect (rejected) solution text. */
export interface PreferenceRecord {
  type: 'preference';
  images: readonly ImageRef[];
  prompt: string;
  chosen: string;
  rejected: string;
}

export type NeutralRecord = ConversationRecord | StepLabelRecord | PreferenceRecord;

/** Kinds built from one solution at a time (KINDS in records.ts). */
export const RECORD_KINDS = ['sft', 'reflection', 'orm', 'prm'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
/**
 * Every kind of SPEC §5; preference pairs two solutions (preference-record.ts). The list lives in
 * shared/ so the export page offers exactly these.
 */
export const EXPORT_KINDS = EXPORT_KIND_NAMES;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** PRM800K semantics (shared/schemas/annotation.ts): -1 wrong, 0 neutral, 1 good, null unrated. */
export type StepRating = -1 | 0 | 1 | null;

/** prm: what a neutral (0) rating becomes: a label, or the step is dropped from the record. */
export const NEUTRAL_MODES = ['false', 'true', 'drop'] as const;
export type NeutralMode = (typeof NEUTRAL_MODES)[number];

export type RecordLeftOutReason =
  | 'verdict_incorrect' // sft: only correct solutions are SFT data
  | 'verdict_correct' // reflection: only wrong solutions are reflected on
  | 'no_steps'
  | 'no_final_answer' // sft: no "The answer to this problem is …" can be written truthfully
  | 'no_error_step' // reflection, prm: the final judgment names no step (e.g. ORM step unclear)
  | 'no_correction' // reflection: no corrected solution and no correct sibling solution
  | 'no_labelled_steps'; // prm: --neutral drop removed every step

export interface RecordInput {
  problem: ExportProblem;
  solution: ExportSolution;
  judgment: FinalJudgment;
  /** reflection: a correct solution of the same problem (the caller picks it), or null. */
  alternative: ExportSolution | null;
  reflectionTemplate?: string;
  /** prm: the per-step ratings that go with the final judgment (one per step), or null. */
  stepRatings?: readonly StepRating[] | null;
  /** prm: default 'false', as TRL's PRM datasets read neutral steps. */
  neutral?: NeutralMode;
}

export type BuildResult = { ok: true; record: NeutralRecord } | { ok: false; reason: RecordLeftOutReason };

export interface KindDefinition {
  build(input: RecordInput): BuildResult;
  /** Whether `alternative` matters, i.e. the caller must find correct sibling solutions. */
  needsAlternative: boolean;
  /** Every reason `build` may give, in the order the manifest lists them. */
  leftOutReasons: readonly RecordLeftOutReason[];
}

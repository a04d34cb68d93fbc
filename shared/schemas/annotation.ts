import { z } from 'zod';
import { REGION_KINDS } from '../constants';

/** A point normalised to 0..1 of the image's natural width and height. */
export const NormalisedPointSchema = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);

export const RegionSchema = z.object({
  id: z.string().min(1).max(64),
  imageSha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(REGION_KINDS),
  points: z.array(NormalisedPointSchema).min(1).max(10_000),
  /** 0-based step index the region is about. */
  stepIndex: z.number().int().min(0).optional(),
  note: z.string().max(10_000).optional(),
});
export type Region = z.infer<typeof RegionSchema>;

export const VerdictSchema = z.enum(['correct', 'incorrect']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** PRM800K semantics: -1 wrong, 0 neutral / no progress, 1 good; null = not rated. */
export const StepRatingSchema = z.union([z.literal(-1), z.literal(0), z.literal(1), z.null()]);

export const AnnotationFlagsSchema = z.object({
  badProblem: z.boolean().default(false),
  unsure: z.boolean().default(false),
});

const text = z.string().max(100_000);

/**
 * The judgment fields shared by annotations and adjudications (SPEC §2).
 * Step indices are 0-based. A draft may be incomplete; `checkSubmittable` says what a
 * submission still lacks.
 */
export const JudgmentFieldsSchema = z.object({
  verdict: VerdictSchema.nullable().default(null),
  firstErrorStep: z.number().int().min(0).nullable().default(null),
  stepRatings: z.array(StepRatingSchema).nullable().default(null),
  errorType: z.string().max(100).nullable().default(null),
  errorAnalysis: text.default(''),
  improvementSuggestion: text.default(''),
  correctedSolution: z.array(text).nullable().default(null),
  regions: z.array(RegionSchema).max(1000).default([]),
  flags: AnnotationFlagsSchema.default({ badProblem: false, unsure: false }),
});
export type JudgmentFields = z.infer<typeof JudgmentFieldsSchema>;

export const AnnotationStatusSchema = z.enum(['draft', 'submitted']);
export type AnnotationStatus = z.infer<typeof AnnotationStatusSchema>;

/** Body of `PUT /api/solutions/:id/annotation`. */
export const AnnotationPutSchema = JudgmentFieldsSchema.extend({
  status: AnnotationStatusSchema,
  /** The version the client read; 0 when there was no annotation yet. */
  version: z.number().int().min(0),
  timeSpentMs: z.number().int().min(0).max(30 * 24 * 3600 * 1000).default(0),
});
export type AnnotationPut = z.infer<typeof AnnotationPutSchema>;

export interface SubmitContext {
  stepCount: number;
  taxonomy: readonly string[];
}

/**
 * What a submitted judgment must hold; returns human-readable problems (empty = fine).
 * Drafts are never checked: an annotator may save anything half-done.
 */
export function checkSubmittable(j: JudgmentFields, ctx: SubmitContext): string[] {
  const problems: string[] = [];
  if (j.flags.badProblem) return problems;
  if (j.verdict === null) problems.push('verdict is required');
  if (j.verdict === 'incorrect' && j.firstErrorStep === null) {
    problems.push('firstErrorStep is required when the verdict is incorrect');
  }
  if (j.verdict === 'correct' && j.firstErrorStep !== null) {
    problems.push('firstErrorStep must be empty when the verdict is correct');
  }
  if (j.firstErrorStep !== null && j.firstErrorStep >= ctx.stepCount) {
    problems.push(`firstErrorStep ${j.firstErrorStep} is beyond the solution's ${ctx.stepCount} steps`);
  }
  if (j.stepRatings !== null && j.stepRatings.length !== ctx.stepCount) {
    problems.push(`stepRatings has ${j.stepRatings.length} entries for ${ctx.stepCount} steps`);
  }
  if (j.errorType !== null && !ctx.taxonomy.includes(j.errorType)) {
    problems.push(`errorType "${j.errorType}" is not in the project's taxonomy`);
  }
  return problems;
}

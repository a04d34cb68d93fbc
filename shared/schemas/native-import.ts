import { z } from 'zod';
import { AnnotationFlagsSchema, RegionSchema, StepRatingSchema, VerdictSchema } from './annotation';

/**
 * One line of Redline's native JSONL (SPEC §3.1). Unknown keys are kept out; the importer
 * reports the first zod issue with its path, so a person can find the field.
 */
const id = z.string().trim().min(1, 'must not be empty').max(500);
const longText = z.string().max(1_000_000);

export const NativeProblemSchema = z.object({
  id,
  question: longText.min(1, 'must not be empty'),
  /** Paths relative to the JSONL file's folder, or data: URLs. */
  images: z.array(z.string().min(1).max(20_000_000)).max(32).default([]),
  answer: z.string().max(100_000).nullish(),
  subject: z.string().max(200).nullish(),
  source: z.string().max(200).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type NativeProblem = z.infer<typeof NativeProblemSchema>;

export const NativeSolutionSchema = z
  .object({
    id,
    model: z.string().trim().min(1).max(200),
    round: z.number().int().min(0).max(1_000_000).default(0),
    steps: z.array(longText).min(1).max(2000).optional(),
    text: longText.min(1).optional(),
    finalAnswer: z.string().max(100_000).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .refine((s) => s.steps !== undefined || s.text !== undefined, {
    message: 'needs "steps" (a list) or "text" (raw text to split)',
  });
export type NativeSolution = z.infer<typeof NativeSolutionSchema>;

export const OrmStatusSchema = z.enum(['CORRECT', 'WRONG']);

export const NativeOrmSchema = z.object({
  model: z.string().trim().min(1).max(200),
  status: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), OrmStatusSchema),
  error_step: z.union([z.string().max(10_000), z.number()]).nullish(),
  error_analysis: longText.nullish(),
  improvement_suggestion: longText.nullish(),
  score: z.number().min(0).max(1).nullish(),
});
export type NativeOrm = z.infer<typeof NativeOrmSchema>;

export const NativeAnnotationSchema = z.object({
  annotator: z.string().trim().min(1).max(100),
  verdict: VerdictSchema,
  firstErrorStep: z.number().int().min(0).nullish(),
  stepRatings: z.array(StepRatingSchema).nullish(),
  errorType: z.string().max(100).nullish(),
  errorAnalysis: longText.nullish(),
  improvementSuggestion: longText.nullish(),
  correctedSolution: z.union([z.array(longText), longText]).nullish(),
  regions: z.array(RegionSchema).nullish(),
  flags: AnnotationFlagsSchema.partial().nullish(),
  timeSpentMs: z.number().int().min(0).nullish(),
});
export type NativeAnnotation = z.infer<typeof NativeAnnotationSchema>;

export const NativeLineSchema = z.object({
  problem: NativeProblemSchema,
  solution: NativeSolutionSchema,
  orm: z.union([NativeOrmSchema, z.array(NativeOrmSchema).max(100)]).nullish(),
  annotations: z.array(NativeAnnotationSchema).max(1000).nullish(),
});
export type NativeLine = z.infer<typeof NativeLineSchema>;

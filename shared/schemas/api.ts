import { z } from 'zod';
import { ASSIGNMENT_STRATEGIES, LABEL_MODES, ROLES } from '../constants';
import { AnnotationStatusSchema, JudgmentFieldsSchema } from './annotation';

/** Shapes of the HTTP API (SPEC §8) shared by the server's routes and the client's calls. */

export const LoginBodySchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const UserDtoSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(ROLES),
});
export type UserDto = z.infer<typeof UserDtoSchema>;

/** `POST /api/auth/login` and `GET /api/me`. `csrfToken` goes in the x-redline-csrf header of writes. */
export const MeDtoSchema = z.object({
  user: UserDtoSchema,
  csrfToken: z.string().nullable(),
  /** True when the demo users exist with their published password: the UI warns. */
  demo: z.boolean(),
});
export type MeDto = z.infer<typeof MeDtoSchema>;

export const ProjectDtoSchema = z.object({
  name: z.string(),
  guidelines: z.string(),
  overlap: z.number().int(),
  mode: z.enum(LABEL_MODES),
  assignment: z.enum(ASSIGNMENT_STRATEGIES),
  leaseMinutes: z.number().int(),
  taxonomy: z.array(z.string()),
  /** Seed of the `random` assignment strategy (projects.settings.seed; 0 when never set). */
  seed: z.number().int(),
  counts: z.object({
    problems: z.number().int(),
    solutions: z.number().int(),
    /** Solutions with at least `overlap` submitted annotations. */
    complete: z.number().int(),
    /** Submitted by the caller. */
    mine: z.number().int(),
  }),
});
export type ProjectDto = z.infer<typeof ProjectDtoSchema>;

export const ImageDtoSchema = z.object({
  sha256: z.string(),
  mime: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string(),
});
export type ImageDto = z.infer<typeof ImageDtoSchema>;

export const ProblemDtoSchema = z.object({
  id: z.number().int(),
  externalId: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  subject: z.string().nullable(),
  source: z.string().nullable(),
  images: z.array(ImageDtoSchema),
});

export const SolutionDtoSchema = z.object({
  id: z.number().int(),
  externalId: z.string(),
  project: z.string(),
  model: z.string(),
  round: z.number().int(),
  /** 0-based everywhere; the UI numbers from 1. */
  steps: z.array(z.string()),
  finalAnswer: z.string().nullable(),
});

export const OrmDtoSchema = z.object({
  model: z.string(),
  status: z.enum(['CORRECT', 'WRONG']),
  error_step: z.string().nullable(),
  error_step_index: z.number().int().nullable(),
  error_analysis: z.string().nullable(),
  improvement_suggestion: z.string().nullable(),
  score: z.number().nullable(),
  /** The ORM named a step we could not parse or that does not exist: flagged for humans. */
  stepUnclear: z.boolean(),
});
export type OrmDto = z.infer<typeof OrmDtoSchema>;

export const AnnotationDtoSchema = JudgmentFieldsSchema.extend({
  status: AnnotationStatusSchema,
  version: z.number().int(),
  timeSpentMs: z.number().int(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type AnnotationDto = z.infer<typeof AnnotationDtoSchema>;

/** `GET /api/solutions/:id`. `annotations`/`adjudication` are present for leads and up only. */
export const SolutionViewDtoSchema = z.object({
  project: ProjectDtoSchema.pick({ name: true, mode: true, taxonomy: true, guidelines: true }),
  problem: ProblemDtoSchema,
  solution: SolutionDtoSchema,
  orm: z.array(OrmDtoSchema),
  annotation: AnnotationDtoSchema.nullable(),
  /** The caller's live lease on this solution; renewed by draft saves. */
  lease: z.object({ expiresAt: z.string() }).nullable(),
  annotations: z.array(AnnotationDtoSchema.extend({ annotator: z.string() })).optional(),
  adjudication: z.lazy(() => AdjudicationDtoSchema).nullable().optional(),
});
export type SolutionViewDto = z.infer<typeof SolutionViewDtoSchema>;

/** The current adjudication (gold) of a solution: the judgment, why, whether it is a QC item. */
export const AdjudicationDtoSchema = JudgmentFieldsSchema.extend({
  version: z.number().int(),
  reason: z.string(),
  qc: z.boolean(),
  adjudicator: z.string(),
  updatedAt: z.string(),
});
export type AdjudicationDto = z.infer<typeof AdjudicationDtoSchema>;

/** Body of `PUT /api/solutions/:id/adjudication` (lead+): 0 as `version` when there is none yet. */
export const AdjudicationPutSchema = JudgmentFieldsSchema.extend({
  reason: z.string().trim().min(1, 'a reason is required').max(100_000),
  version: z.number().int().min(0),
  qc: z.boolean().optional(),
});
export type AdjudicationPut = z.infer<typeof AdjudicationPutSchema>;

/** Why a solution is in the review queue. */
export const REVIEW_REASONS = ['split_verdict', 'split_step', 'against_orm_verdict', 'against_orm_step', 'unsure', 'orm_step_unclear'] as const;
export const ReviewReasonSchema = z.enum(REVIEW_REASONS);
export type ReviewReason = z.infer<typeof ReviewReasonSchema>;

export const ReviewItemDtoSchema = z.object({
  solutionId: z.number().int(),
  externalId: z.string(),
  problemExternalId: z.string(),
  round: z.number().int(),
  reasons: z.array(ReviewReasonSchema),
  /** Submitted annotations. */
  annotators: z.number().int(),
  adjudicated: z.boolean(),
  adjudicator: z.string().nullable(),
  qc: z.boolean(),
});
export type ReviewItemDto = z.infer<typeof ReviewItemDtoSchema>;

/** `GET /api/projects/:project/review` (lead+): one page and the cursor of the next. */
export const ReviewListDtoSchema = z.object({
  items: z.array(ReviewItemDtoSchema),
  nextCursor: z.string().nullable(),
});
export type ReviewListDto = z.infer<typeof ReviewListDtoSchema>;

/**
 * `GET /api/projects/:project/review/counts` (lead+): the queue's counts, apart from the list
 * because they cover the whole project (a page costs about what it lists; counts cost a pass over
 * every annotation), so the list shows at once and the counts follow.
 */
export const ReviewCountsDtoSchema = z.object({
  /** Items needing a lead, not adjudicated yet (round filter applied). */
  open: z.number().int(),
  adjudicated: z.number().int(),
  /** Per reason, among the solutions of the asked status. */
  byReason: z.record(ReviewReasonSchema, z.number().int()),
});
export type ReviewCountsDto = z.infer<typeof ReviewCountsDtoSchema>;

/** `GET /api/projects/:project/qc` (lead+): the QC rate (settings.qcRate) and the QC items marked. */
export const QcSummaryDtoSchema = z.object({ qcRate: z.number(), qcItems: z.number().int() });
export type QcSummaryDto = z.infer<typeof QcSummaryDtoSchema>;

/** `POST /api/projects/:project/queue/next` → 200 this, or 204 when nothing is left for the caller. */
export const QueueNextDtoSchema = z.object({
  solution: z.object({ id: z.number().int(), externalId: z.string() }),
  lease: z.object({ expiresAt: z.string() }),
});
export type QueueNextDto = z.infer<typeof QueueNextDtoSchema>;

export const ErrorDtoSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorDto = z.infer<typeof ErrorDtoSchema>;

/** `GET /api/health` (public): the sign-in page uses `demo` to warn before anyone signs in. */
export const HealthDtoSchema = z.object({
  ok: z.boolean(),
  database: z.enum(['sqlite', 'postgres']),
  demo: z.boolean().optional(),
});
export type HealthDto = z.infer<typeof HealthDtoSchema>;

import { z } from 'zod';

/**
 * ORM runs (issue 7): `POST /api/projects/:project/orm-runs` starts `redline judge` as a job in
 * the server; the ORM page polls the job. The API key never travels here: UI-started runs use
 * the server's REDLINE_ORM_API_KEY.
 */
export const ORM_RUN_MAX_CONCURRENCY = 32;
export const ORM_RUN_DEFAULT_CONCURRENCY = 4;

/** The chat-completions base URL (…/v1); `/chat/completions` is appended. */
export const OrmEndpointSchema = z
  .string()
  .trim()
  .min(1, 'the endpoint is required')
  .max(2000)
  .refine((text) => /^https?:\/\/[^\s/]+/i.test(text) && URL.canParse(text), 'the endpoint must be an http:// or https:// URL, e.g. http://127.0.0.1:8000/v1');

export const OrmRunStartSchema = z.object({
  endpoint: OrmEndpointSchema,
  model: z.string().trim().min(1, 'the model name is required').max(200),
  concurrency: z.number().int().min(1).max(ORM_RUN_MAX_CONCURRENCY).default(ORM_RUN_DEFAULT_CONCURRENCY),
  round: z.number().int().min(0).nullish(),
  /** Overrides the default prompt; must contain {{question}} and {{steps}}. */
  promptTemplate: z.string().max(50_000).nullish(),
  maxRetries: z.number().int().min(0).max(20).optional(),
  timeoutSeconds: z.number().positive().max(3600).optional(),
  limit: z.number().int().min(1).optional(),
});
export type OrmRunStart = z.infer<typeof OrmRunStartSchema>;

/** A reply that could not be read as a judgment: what to show a researcher (as text). */
export const UnparseableReplySchema = z.object({
  solution: z.string(),
  reason: z.string(),
  /** The reply's first 500 characters. */
  reply: z.string(),
});
export type UnparseableReply = z.infer<typeof UnparseableReplySchema>;

/** A request that got no usable answer (retries exhausted, a 4xx, a timeout). */
export const FailedRequestSchema = z.object({ solution: z.string(), reason: z.string() });

export const OrmRunCountsSchema = z.object({
  /** Solutions this run will send (those without a judgment from the model, capped by limit). */
  total: z.number().int(),
  sent: z.number().int(),
  /** Sent and finished, whatever the outcome. */
  done: z.number().int(),
  stored: z.number().int(),
  unparseable: z.number().int(),
  failed: z.number().int(),
  skippedAlreadyJudged: z.number().int(),
});

export const ORM_RUN_STATES = ['running', 'stopping', 'done', 'cancelled', 'failed', 'stale'] as const;

export const OrmRunDtoSchema = z.object({
  id: z.number().int(),
  /** `stale`: marked running, but its server stopped reporting (it was restarted or died). */
  state: z.enum(ORM_RUN_STATES),
  endpoint: z.string(),
  model: z.string(),
  concurrency: z.number().int(),
  round: z.number().int().nullable(),
  customPrompt: z.boolean(),
  startedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts: OrmRunCountsSchema,
  /** Why the run failed as a whole (e.g. the database went away); null otherwise. */
  error: z.string().nullable(),
});
export type OrmRunDto = z.infer<typeof OrmRunDtoSchema>;

export const OrmRunDetailDtoSchema = OrmRunDtoSchema.extend({
  unparseableReplies: z.array(UnparseableReplySchema),
  failures: z.array(FailedRequestSchema),
});
export type OrmRunDetailDto = z.infer<typeof OrmRunDetailDtoSchema>;

export const OrmRunListDtoSchema = z.object({
  runs: z.array(OrmRunDtoSchema),
  /** The built-in prompt, for the page's override box. */
  defaultPromptTemplate: z.string(),
  /** Whether the server holds an API key for the ORM endpoint (REDLINE_ORM_API_KEY). */
  apiKeyConfigured: z.boolean(),
});
export type OrmRunListDto = z.infer<typeof OrmRunListDtoSchema>;

import { z } from 'zod';
import { ASSIGNMENT_STRATEGIES, LABEL_MODES, PROJECT_NAME_PATTERN, ROLES } from '../constants';

/** Shapes of the team routes (users, tokens, projects' settings and members, progress, history). */

export const UserNameSchema = z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'letters, digits, ".", "_", "@" or "-" (1–100)');

/** `GET /api/users` (admin) → `{users: UserAdminDto[]}`. */
export const UserAdminDtoSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(ROLES),
  imported: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  projects: z.array(z.string()),
});
export type UserAdminDto = z.infer<typeof UserAdminDtoSchema>;

/** `POST /api/users` (admin) → 201 `{user: UserAdminDto}`; 409 USER_EXISTS. */
export const UserCreateSchema = z.object({
  name: UserNameSchema,
  role: z.enum(ROLES),
  password: z.string().min(8, 'at least 8 characters').max(1000),
});

/**
 * `PATCH /api/users/:name` (admin): any subset → `{user: UserAdminDto}`. A user cannot demote or
 * disable themself (409 SELF_LOCKOUT). Disabling ends the user's sessions; their tokens stop working.
 */
export const UserUpdateSchema = z.object({
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(8, 'at least 8 characters').max(1000).optional(),
});

/** `GET /api/users/:name/tokens` (admin, or the user themself) → `{tokens: TokenDto[]}`. */
export const TokenDtoSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenDto = z.infer<typeof TokenDtoSchema>;

/**
 * `POST /api/users/:name/tokens` `{label}` → 201 `{token, id}`: the token is shown this once.
 * `DELETE /api/users/:name/tokens/:id` → 204 (revoked; 404 TOKEN_NOT_FOUND).
 */
export const TokenCreateSchema = z.object({ label: z.string().max(200).default('') });

/**
 * `POST /api/projects` (lead+) → 201 `{project: ProjectDto}` (409 PROJECT_EXISTS) and
 * `PATCH /api/projects/:project` (lead+; name not changeable) → `{project: ProjectDto}`.
 */
export const ProjectSettingsSchema = z.object({
  overlap: z.number().int().min(1).max(50),
  mode: z.enum(LABEL_MODES),
  assignment: z.enum(ASSIGNMENT_STRATEGIES),
  leaseMinutes: z.number().int().min(1).max(7 * 24 * 60),
  taxonomy: z.array(z.string().trim().regex(/^[a-z0-9_]{1,64}$/, 'lowercase letters, digits and "_"')).min(1).max(50)
    .refine((t) => new Set(t).size === t.length, 'error types must be unique'),
  guidelines: z.string().max(200_000),
  /** Seed for the `random` strategy: the same seed gives the same order. */
  seed: z.number().int().min(0).max(2 ** 31 - 1),
});
export const ProjectCreateSchema = ProjectSettingsSchema.partial().extend({
  name: z.string().regex(PROJECT_NAME_PATTERN, 'letters, digits, "-" or "_" (1–64)'),
});
export const ProjectUpdateSchema = ProjectSettingsSchema.partial().extend({
  /** Share of each annotator's assignments that are blind quality-control items (0..1; settings.qcRate, default 0). */
  qcRate: z.number().min(0).max(1).optional(),
});

/**
 * `GET /api/projects/:project/members` (lead+) → `{members: MemberDto[]}`; `PUT` `{add?: [names],
 * remove?: [names]}` → `{members: MemberDto[]}` after the change (404 USER_NOT_FOUND names the unknown).
 */
export const MemberDtoSchema = z.object({ name: z.string(), role: z.enum(ROLES), since: z.string() });
export const MembersChangeSchema = z.object({
  add: z.array(UserNameSchema).max(1000).default([]),
  remove: z.array(UserNameSchema).max(1000).default([]),
});

/** `GET /api/projects/:project/progress` (lead+). Times in ms. */
export const ProgressDtoSchema = z.object({
  project: z.object({
    solutions: z.number().int(),
    /** Solutions with k submitted annotations. */
    done: z.number().int(),
    /** Solutions with some submitted or leased work but fewer than k submitted. */
    inProgress: z.number().int(),
    remaining: z.number().int(),
    submittedAnnotations: z.number().int(),
    neededAnnotations: z.number().int(),
  }),
  annotators: z.array(z.object({
    name: z.string(),
    submitted: z.number().int(),
    drafts: z.number().int(),
    leased: z.number().int(),
    skipped: z.number().int(),
    /** Solutions still open to this annotator (not labelled or skipped by them, slot free). */
    remaining: z.number().int(),
    totalTimeMs: z.number().int(),
    medianTimeMs: z.number().int().nullable(),
    lastActiveAt: z.string().nullable(),
  })),
});
export type ProgressDto = z.infer<typeof ProgressDtoSchema>;

/** `GET /api/solutions/:id/history` (lead+): every revision and audit entry, oldest first. */
export const HistoryEntryDtoSchema = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  kind: z.enum(['annotation', 'adjudication', 'audit']),
  /** e.g. "draft v3", "submitted v4", "queue.skip". */
  action: z.string(),
  /** Whose annotation (for annotation revisions). */
  annotator: z.string().nullable(),
  snapshot: z.record(z.string(), z.unknown()).nullable(),
});
export type HistoryEntryDto = z.infer<typeof HistoryEntryDtoSchema>;

/**
 * `GET /api/audit?project=&limit=&before=` (admin; leads for their projects) → `{entries: AuditEntryDto[]}`,
 * newest first. `limit` 1..500 (default 100); `before` = the `id` of the oldest entry you have (next page).
 */
export const AuditEntryDtoSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  project: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

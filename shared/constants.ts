/** Values fixed by SPEC.md; imported by client and server alike. */

export const ROLES = ['annotator', 'lead', 'researcher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Rank for "X and up" checks: researcher+ may import/export, lead+ may adjudicate. */
export const ROLE_RANK: Record<Role, number> = { annotator: 0, researcher: 1, lead: 2, admin: 3 };

export const DEFAULT_ERROR_TAXONOMY = [
  'reasoning',
  'question_misunderstanding',
  'knowledge',
  'vision_recognition',
  'calculation',
  'other',
] as const;

export const LABEL_MODES = ['first-error', 'every-step'] as const;
export type LabelMode = (typeof LABEL_MODES)[number];

export const ASSIGNMENT_STRATEGIES = ['ordered', 'random', 'orm-uncertain-first', 'disagreement-first'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

export const REGION_KINDS = ['box', 'polygon', 'arrow', 'freehand'] as const;

export const DEFAULT_LEASE_MINUTES = 30;
export const DEFAULT_OVERLAP = 1;

/** Project names are slugs: they appear in URLs and on the command line. */
export const PROJECT_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const DEMO_PROJECT = 'demo';
/** The demo's second project: the same lines labelled by three synthetic reviewers (demo/make-audit.ts). */
export const DEMO_AUDIT_PROJECT = 'demo-audit';
export const DEMO_PASSWORD = 'redline';
export const DEMO_USERS = [
  { name: 'annotator1', role: 'annotator' },
  { name: 'annotator2', role: 'annotator' },
  { name: 'annotator3', role: 'annotator' },
  { name: 'lead', role: 'lead' },
  { name: 'researcher', role: 'researcher' },
  { name: 'admin', role: 'admin' },
] as const satisfies readonly { name: string; role: Role }[];

export const SESSION_COOKIE = 'redline_session';
export const CSRF_HEADER = 'x-redline-csrf';

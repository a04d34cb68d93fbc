import {
  ASSIGNMENT_STRATEGIES,
  DEFAULT_ERROR_TAXONOMY,
  DEFAULT_LEASE_MINUTES,
  DEFAULT_OVERLAP,
  LABEL_MODES,
  type AssignmentStrategy,
  type LabelMode,
} from '../../../shared/constants';
import { ProjectCreateSchema, ProjectUpdateSchema } from '../../../shared/schemas/admin';
import { errorsFromIssues, type FormErrors } from '../../api/field-errors';
import type { ProjectDto } from '../../../shared/schemas/api';
import type { ProjectSettingsInput } from '../../api/projects';

/**
 * The project settings form as plain data: what the inputs hold (numbers as typed text), how
 * it starts (a project's settings, or the defaults), and the body it sends — checked first with
 * the same shared schema the server uses, so most mistakes show before a round trip. Pure.
 */
export interface SettingsForm {
  name: string;
  overlap: string;
  mode: LabelMode;
  assignment: AssignmentStrategy;
  seed: string;
  leaseMinutes: string;
  taxonomy: string[];
  guidelines: string;
}

export const SETTINGS_FIELDS = ['name', 'overlap', 'mode', 'assignment', 'seed', 'leaseMinutes', 'taxonomy', 'guidelines'] as const;

const FIELD_LABELS: Record<(typeof SETTINGS_FIELDS)[number], string> = {
  name: 'Name',
  overlap: 'Overlap',
  mode: 'Mode',
  assignment: 'Assignment strategy',
  seed: 'Seed',
  leaseMinutes: 'Lease',
  taxonomy: 'Error taxonomy',
  guidelines: 'Guidelines',
};

/** "Overlap, Error taxonomy": the fields with errors, in the form's order. */
export function fieldsToFix(errors: FormErrors): string {
  return SETTINGS_FIELDS.filter((f) => errors.fields[f]?.length).map((f) => FIELD_LABELS[f]).join(', ');
}

export const MODE_TEXT: Record<LabelMode, { label: string; help: string }> = {
  'first-error': { label: 'First error', help: 'Annotators mark the first wrong step.' },
  'every-step': { label: 'Every step', help: 'Annotators also rate every step: good, neutral or wrong (PRM800K style).' },
};

export const STRATEGY_TEXT: Record<AssignmentStrategy, { label: string; help: string }> = {
  ordered: { label: 'Ordered', help: 'Solutions in the order they were imported.' },
  random: { label: 'Random', help: 'A shuffled order; the same seed always gives the same order.' },
  'orm-uncertain-first': {
    label: 'ORM uncertain first',
    help: 'Solutions whose ORM score is nearest 0.5, or whose ORM error step could not be read, come first.',
  },
  'disagreement-first': {
    label: 'Disagreement first',
    help: 'Solutions whose submitted labels disagree get their next annotator first.',
  },
};

// Keep the explanations in step with the shared lists: a new strategy or mode must be explained.
void (LABEL_MODES satisfies readonly (keyof typeof MODE_TEXT)[]);
void (ASSIGNMENT_STRATEGIES satisfies readonly (keyof typeof STRATEGY_TEXT)[]);

export function initialForm(project: ProjectDto | null): SettingsForm {
  if (!project) {
    return {
      name: '',
      overlap: String(DEFAULT_OVERLAP),
      mode: 'first-error',
      assignment: 'ordered',
      seed: '',
      leaseMinutes: String(DEFAULT_LEASE_MINUTES),
      taxonomy: [...DEFAULT_ERROR_TAXONOMY],
      guidelines: '',
    };
  }
  return {
    name: project.name,
    overlap: String(project.overlap),
    mode: project.mode,
    assignment: project.assignment,
    seed: String(project.seed),
    leaseMinutes: String(project.leaseMinutes),
    taxonomy: [...project.taxonomy],
    guidelines: project.guidelines,
  };
}

type Payload = ProjectSettingsInput & { name?: string };
export type PayloadResult = { ok: true; body: Payload } | { ok: false; errors: FormErrors };

/** Text → whole number; '' → undefined (left to the server's default, or unchanged). */
function wholeNumber(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

/**
 * The body of POST /api/projects (creating) or PATCH /api/projects/:project. The seed is sent
 * only for the random strategy; blank numbers are left out.
 */
export function settingsPayload(form: SettingsForm, creating: boolean): PayloadResult {
  const numbers = { overlap: wholeNumber(form.overlap), leaseMinutes: wholeNumber(form.leaseMinutes), seed: wholeNumber(form.seed) };
  const number = (v: number | undefined | 'invalid') => (v === 'invalid' ? undefined : v);
  const body: Payload = {
    ...(creating ? { name: form.name.trim() } : {}),
    overlap: number(numbers.overlap),
    mode: form.mode,
    assignment: form.assignment,
    leaseMinutes: number(numbers.leaseMinutes),
    taxonomy: form.taxonomy,
    guidelines: form.guidelines,
    seed: form.assignment === 'random' ? number(numbers.seed) : undefined,
  };
  for (const key of Object.keys(body) as (keyof Payload)[]) if (body[key] === undefined) delete body[key];
  const issues: { path: PropertyKey[]; message: string }[] = Object.entries(numbers)
    .filter(([field, v]) => v === 'invalid' && (field !== 'seed' || form.assignment === 'random'))
    .map(([field]) => ({ path: [field], message: 'a whole number, please' }));
  const parsed = (creating ? ProjectCreateSchema : ProjectUpdateSchema).safeParse(body);
  if (!parsed.success) issues.push(...parsed.error.issues);
  if (issues.length > 0) return { ok: false, errors: errorsFromIssues(issues, SETTINGS_FIELDS) };
  return { ok: true, body };
}

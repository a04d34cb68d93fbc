import {
  EXPORT_FORMAT_NAMES,
  EXPORT_KIND_NAMES,
  type ExportFormatName,
  type ExportKindName,
} from '../../../shared/schemas/export';

/**
 * The export page's form → the query strings of the preview and download URLs (the server's
 * names, shared/schemas/export.ts). Pure. Blank fields are left out so the server's defaults
 * apply; lists stay comma-separated as typed (the server splits and trims them).
 */

export const POLICY_SOURCES = ['gold', 'consensus', 'orm'] as const;
export type PolicySource = (typeof POLICY_SOURCES)[number];
export type NeutralChoice = 'false' | 'true' | 'drop';

export interface ExportForm {
  /** Every source, in the order the policy tries them; `on` ones form the policy. */
  policy: Array<{ source: PolicySource; on: boolean }>;
  minAnnotators: string;
  ormMinScore: string;
  rounds: string;
  models: string;
  subjects: string;
  problemSources: string;
  minAgreement: string;
  valFraction: string;
  seed: string;
  /** prm only. */
  neutral: NeutralChoice;
  /** preference only. */
  maxPairsPerProblem: string;
}

export const DEFAULT_FORM: ExportForm = {
  policy: [
    { source: 'gold', on: true },
    { source: 'consensus', on: true },
    { source: 'orm', on: false },
  ],
  minAnnotators: '',
  ormMinScore: '',
  rounds: '',
  models: '',
  subjects: '',
  problemSources: '',
  minAgreement: '',
  valFraction: '0.05',
  seed: '0',
  neutral: 'false',
  maxPairsPerProblem: '4',
};

/** Moves the policy entry at `index` by `delta` places (−1 up, +1 down); out of range: unchanged. */
export function moveSource<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Policy and filters: what the preview and every download share (prm's and preference's options included). */
export function filterParams(form: ExportForm): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: string, value: string) => {
    if (value.trim() !== '') params.set(name, value.trim());
  };
  put('policy', form.policy.filter((p) => p.on).map((p) => p.source).join(','));
  put('minAnnotators', form.minAnnotators);
  // The server refuses an ORM bar without orm in the policy; a hidden value must not block the rest.
  if (form.policy.some((p) => p.source === 'orm' && p.on)) put('ormMinScore', form.ormMinScore);
  put('round', form.rounds);
  put('model', form.models);
  put('subject', form.subjects);
  put('source', form.problemSources);
  put('minAgreement', form.minAgreement);
  put('valFraction', form.valFraction);
  put('seed', form.seed);
  put('neutral', form.neutral);
  put('maxPairsPerProblem', form.maxPairsPerProblem);
  return params;
}

const base = (project: string) => `/api/projects/${encodeURIComponent(project)}/export`;

export function previewUrl(project: string, form: ExportForm): string {
  const query = filterParams(form).toString();
  return `${base(project)}/preview${query === '' ? '' : `?${query}`}`;
}

/** The GET that streams one kind × format as a zip; options of other kinds are left out (the server refuses them). */
export function downloadUrl(project: string, form: ExportForm, kind: ExportKindName, format: ExportFormatName): string {
  const params = filterParams(form);
  if (kind !== 'prm') params.delete('neutral');
  if (kind !== 'preference') params.delete('maxPairsPerProblem');
  const query = new URLSearchParams({ kind, format });
  for (const [name, value] of params) query.set(name, value);
  return `${base(project)}?${query.toString()}`;
}

export { EXPORT_FORMAT_NAMES, EXPORT_KIND_NAMES };

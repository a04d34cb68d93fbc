import { OrmRunStartSchema, type OrmRunDto, type OrmRunStart } from '../../../shared/schemas/judge';

/** The ORM page's form as typed: every field a string, the prompt blank unless overridden. */
export interface OrmForm {
  endpoint: string;
  model: string;
  concurrency: string;
  round: string;
  /** Blank: the server's default template. */
  promptTemplate: string;
}

export const DEFAULT_ORM_FORM: OrmForm = { endpoint: 'http://127.0.0.1:8000/v1', model: '', concurrency: '4', round: '', promptTemplate: '' };

/** The start request, or the problems to show next to the form (field → message). */
export function toStartRequest(form: OrmForm, defaultTemplate: string): { ok: true; body: OrmRunStart } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const concurrency = Number(form.concurrency.trim());
  if (!/^\d+$/.test(form.concurrency.trim())) problems.concurrency = 'a whole number, e.g. 4';
  const round = form.round.trim() === '' ? null : Number(form.round.trim());
  if (round !== null && !/^\d+$/.test(form.round.trim())) problems.round = 'a whole number ≥ 0, or blank for every round';
  // The default template sent back unchanged is no override.
  const prompt = form.promptTemplate.trim() === '' || form.promptTemplate === defaultTemplate ? null : form.promptTemplate;
  const parsed = OrmRunStartSchema.safeParse({ endpoint: form.endpoint, model: form.model, concurrency, round, promptTemplate: prompt });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      problems[field] ??= issue.message;
    }
  }
  if (Object.keys(problems).length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, body: parsed.data };
}

/** "12 of 40 done — 10 stored, 1 unparseable, 1 failed" */
export function describeCounts(run: Pick<OrmRunDto, 'counts'>): string {
  const c = run.counts;
  return `${c.done} of ${c.total} done — ${c.stored} stored, ${c.unparseable} unparseable, ${c.failed} failed; ${c.skippedAlreadyJudged} already judged`;
}

export const STATE_LABEL: Record<OrmRunDto['state'], string> = {
  running: 'Running',
  stopping: 'Stopping (finishing the requests in flight)',
  done: 'Finished',
  cancelled: 'Stopped',
  failed: 'Failed',
  stale: 'Interrupted (its server stopped reporting)',
};

export const isActive = (run: Pick<OrmRunDto, 'state'>) => run.state === 'running' || run.state === 'stopping';

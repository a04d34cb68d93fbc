import type { ProgressDto } from '../../../shared/schemas/admin';
import type { AuditEntryDto } from '../../api/audit';

/** Words and numbers of the progress page. Pure. */

export interface TotalsView {
  /** Shares of the bar, 0..100, summing to at most 100. */
  donePercent: number;
  inProgressPercent: number;
  /** What a screen reader hears for the bar. */
  valueText: string;
}

export function totalsView(project: ProgressDto['project']): TotalsView {
  const { solutions, done, inProgress, remaining } = project;
  const share = (n: number) => (solutions > 0 ? Math.min(100, Math.max(0, (100 * n) / solutions)) : 0);
  const donePercent = share(done);
  const inProgressPercent = Math.min(100 - donePercent, share(inProgress));
  const valueText = solutions === 0
    ? 'No solutions yet'
    : `${done} of ${solutions} solutions done (${Math.round(donePercent)}%), ${inProgress} in progress, ${remaining} remaining`;
  return { donePercent, inProgressPercent, valueText };
}

/** What each audited action means, for the activity list; `{t}` is the target. Unknown actions show as they are. */
const ACTIONS: Record<string, string> = {
  'auth.login': 'signed in',
  'auth.login_failed': 'failed to sign in',
  'project.create': 'created the project',
  'project.update': 'changed the settings',
  'member.add': 'added {t} to the project',
  'member.remove': 'removed {t} from the project',
  'queue.skip': 'skipped a solution',
  'adjudication': 'adjudicated a solution',
  'import': 'imported {t}',
  'export': 'exported a dataset',
  'user.add': 'added the user {t}',
  'user.role': 'changed the role of {t}',
  'user.disable': 'disabled {t}',
  'user.enable': 'enabled {t}',
  'user.password_reset': 'reset the password of {t}',
  'token.create': 'created an API token for {t}',
  'token.revoke': 'revoked an API token of {t}',
};

/** "lead added annotator1 to the project"; no actor means the command line (imports, `redline project …`). */
export function describeAudit(entry: Pick<AuditEntryDto, 'action' | 'actor' | 'targetType' | 'targetId'>): string {
  const who = entry.actor ?? 'The command line';
  const id = entry.targetId;
  let target = '';
  if (id && entry.targetType === 'user') target = id;
  if (id && entry.targetType === 'file') target = id.split(/[\\/]/).pop() ?? id;
  const template = ACTIONS[entry.action] ?? entry.action;
  const what = template.includes('{t}') ? template.replace('{t}', target || 'someone').trim() : template;
  return `${who} ${what}`;
}

/** The solution an entry is about (its server id), when it is about one: the history link. */
export function solutionTarget(entry: Pick<AuditEntryDto, 'targetType' | 'targetId'>): number | null {
  if (entry.targetType !== 'solution' || entry.targetId === null || !/^[1-9]\d{0,15}$/.test(entry.targetId)) return null;
  return Number(entry.targetId);
}

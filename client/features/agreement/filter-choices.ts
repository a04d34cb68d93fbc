import type { AgreementReport } from '../../../shared/schemas/agreement';
import type { AgreementFilters } from './agreement-query';

/**
 * What the round and annotator menus offer. The report lists only what survives the current
 * filters, so choices seen in earlier reports are kept (a filtered view can be widened again),
 * and the chosen value is always offered. Pure.
 */
export interface FilterChoices {
  rounds: number[];
  annotators: string[];
}

export const NO_CHOICES: FilterChoices = { rounds: [], annotators: [] };

export function mergeChoices(previous: FilterChoices, report: AgreementReport | null, filters: AgreementFilters): FilterChoices {
  const rounds = new Set(previous.rounds);
  const annotators = new Set(previous.annotators);
  if (report) {
    for (const r of report.ormVsHuman.byRound) rounds.add(r.round);
    for (const t of report.roundTransitions) {
      rounds.add(t.from);
      rounds.add(t.to);
    }
    for (const a of report.annotators) annotators.add(a.name);
    for (const a of report.kappaMatrix.annotators) annotators.add(a);
  }
  if (filters.round !== null) rounds.add(filters.round);
  if (filters.annotator !== null) annotators.add(filters.annotator);
  return { rounds: [...rounds].sort((a, b) => a - b), annotators: [...annotators].sort((a, b) => a.localeCompare(b)) };
}

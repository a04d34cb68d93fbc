import type { HistoryEntryDto } from '../../../shared/schemas/admin';

/**
 * Reading a solution's history: the judgment each revision holds (read leniently from the
 * server's snapshot — an unexpected field shape reads as absent, never as a crash) and what
 * changed since the previous revision by the same annotator (or the previous adjudication).
 * Step indices are 0-based in data and "Step N" (1-based) in words. Pure.
 */
export interface JudgmentSnapshot {
  verdict: 'correct' | 'incorrect' | null;
  firstErrorStep: number | null;
  errorType: string | null;
  errorAnalysis: string;
  improvementSuggestion: string;
  stepRatings: (number | null)[] | null;
  correctedSolution: string[] | null;
  regionCount: number;
  /** The regions as JSON, to notice edits that keep their number. */
  regionsKey: string;
  badProblem: boolean;
  unsure: boolean;
  timeSpentMs: number | null;
  /** Adjudications only. */
  reason: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

export function readJudgment(snapshot: Record<string, unknown> | null): JudgmentSnapshot | null {
  if (!snapshot) return null;
  const flags = (typeof snapshot.flags === 'object' && snapshot.flags !== null ? snapshot.flags : {}) as Record<string, unknown>;
  const regions = Array.isArray(snapshot.regions) ? snapshot.regions : [];
  const ratings = Array.isArray(snapshot.stepRatings) ? snapshot.stepRatings.map((r) => int(r)) : null;
  const corrected = Array.isArray(snapshot.correctedSolution) ? snapshot.correctedSolution.filter((s) => typeof s === 'string') : null;
  return {
    verdict: snapshot.verdict === 'correct' || snapshot.verdict === 'incorrect' ? snapshot.verdict : null,
    firstErrorStep: int(snapshot.firstErrorStep),
    errorType: str(snapshot.errorType),
    errorAnalysis: str(snapshot.errorAnalysis) ?? '',
    improvementSuggestion: str(snapshot.improvementSuggestion) ?? '',
    stepRatings: ratings,
    correctedSolution: corrected,
    regionCount: regions.length,
    regionsKey: JSON.stringify(regions),
    badProblem: flags.badProblem === true,
    unsure: flags.unsure === true,
    timeSpentMs: int(snapshot.timeSpentMs),
    reason: str(snapshot.reason),
  };
}

export const stepLabel = (index: number | null) => (index === null ? 'none' : `Step ${index + 1}`);

function textChange(what: string, before: string, after: string): string | null {
  if (before === after) return null;
  if (before.trim() === '') return `${what} written`;
  if (after.trim() === '') return `${what} cleared`;
  return `${what} edited`;
}

function flagChange(what: string, before: boolean, after: boolean): string | null {
  if (before === after) return null;
  return after ? `flagged ${what}` : `${what} flag cleared`;
}

/** What changed from `before` to `after`, one phrase per field; null `before` = the first revision. */
export function judgmentChanges(before: JudgmentSnapshot | null, after: JudgmentSnapshot): string[] {
  if (before === null) return ['first revision'];
  const changes: (string | null)[] = [
    before.verdict !== after.verdict ? `verdict: ${before.verdict ?? 'none'} → ${after.verdict ?? 'none'}` : null,
    before.firstErrorStep !== after.firstErrorStep
      ? `first wrong step: ${stepLabel(before.firstErrorStep)} → ${stepLabel(after.firstErrorStep)}`
      : null,
    before.errorType !== after.errorType ? `error type: ${before.errorType ?? 'none'} → ${after.errorType ?? 'none'}` : null,
    textChange('error analysis', before.errorAnalysis, after.errorAnalysis),
    textChange('suggestion', before.improvementSuggestion, after.improvementSuggestion),
    ratingsChange(before.stepRatings, after.stepRatings),
    textChange('corrected solution', (before.correctedSolution ?? []).join('\n'), (after.correctedSolution ?? []).join('\n')),
    before.regionCount !== after.regionCount
      ? `regions: ${before.regionCount} → ${after.regionCount}`
      : before.regionsKey !== after.regionsKey
        ? 'regions edited'
        : null,
    flagChange('bad problem', before.badProblem, after.badProblem),
    flagChange('unsure', before.unsure, after.unsure),
    textChange('reason', before.reason ?? '', after.reason ?? ''),
  ];
  const found = changes.filter((c): c is string => c !== null);
  return found.length > 0 ? found : ['no change to the judgment'];
}

function ratingsChange(before: (number | null)[] | null, after: (number | null)[] | null): string | null {
  const length = Math.max(before?.length ?? 0, after?.length ?? 0);
  let changed = 0;
  for (let i = 0; i < length; i++) if ((before?.[i] ?? null) !== (after?.[i] ?? null)) changed++;
  if (changed === 0) return null;
  return changed === 1 ? 'rating of 1 step changed' : `ratings of ${changed} steps changed`;
}

export interface TimelineItem {
  entry: HistoryEntryDto;
  judgment: JudgmentSnapshot | null;
  /** For revisions: what changed since the same annotator's (or the adjudication's) previous one. */
  changes: string[] | null;
}

/** The entries oldest first, each revision with its changes. Audit entries carry none. */
export function buildTimeline(entries: readonly HistoryEntryDto[]): TimelineItem[] {
  const ordered = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
  const previous = new Map<string, JudgmentSnapshot>();
  return ordered.map((entry) => {
    if (entry.kind === 'audit') return { entry, judgment: null, changes: null };
    const judgment = readJudgment(entry.snapshot);
    if (!judgment) return { entry, judgment: null, changes: null };
    const track = entry.kind === 'adjudication' ? 'adjudication' : `annotation:${entry.annotator ?? entry.actor ?? ''}`;
    const changes = judgmentChanges(previous.get(track) ?? null, judgment);
    previous.set(track, judgment);
    return { entry, judgment, changes };
  });
}

import { describe, expect, it } from 'vitest';
import type { HistoryEntryDto } from '../../../shared/schemas/admin';
import { buildTimeline, judgmentChanges, readJudgment, stepLabel, type JudgmentSnapshot } from './history-diff';

const base = {
  verdict: 'incorrect', firstErrorStep: 1, stepRatings: null, errorType: 'calculation', errorAnalysis: 'Step 2 adds wrong.',
  improvementSuggestion: '', correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false }, timeSpentMs: 4000,
};
const judgment = (over: Record<string, unknown> = {}) => readJudgment({ ...base, ...over }) as JudgmentSnapshot;

function entry(over: Partial<HistoryEntryDto>): HistoryEntryDto {
  return { at: '2026-01-01T10:00:00Z', actor: 'ann', kind: 'annotation', action: 'draft v1', annotator: 'ann', snapshot: base, ...over };
}

describe('history diff', () => {
  it('reads a snapshot leniently', () => {
    expect(judgment()).toMatchObject({ verdict: 'incorrect', firstErrorStep: 1, errorType: 'calculation', regionCount: 0, unsure: false, reason: null });
    expect(readJudgment({ verdict: 'maybe', firstErrorStep: '2', flags: 'x', regions: 'y' })).toMatchObject({
      verdict: null, firstErrorStep: null, badProblem: false, regionCount: 0, errorAnalysis: '',
    });
    expect(readJudgment(null)).toBeNull();
    expect(stepLabel(0)).toBe('Step 1');
  });

  it('names each field that changed, with steps counted from 1', () => {
    const before = judgment();
    const after = judgment({
      verdict: 'correct', firstErrorStep: null, errorType: null, errorAnalysis: '', improvementSuggestion: 'Check the sum.',
      regions: [{ id: 'r1' }], flags: { badProblem: false, unsure: true }, stepRatings: [1, -1],
    });
    expect(judgmentChanges(before, after)).toEqual([
      'verdict: incorrect → correct',
      'first wrong step: Step 2 → none',
      'error type: calculation → none',
      'error analysis cleared',
      'suggestion written',
      'ratings of 2 steps changed',
      'regions: 0 → 1',
      'flagged unsure',
    ]);
    expect(judgmentChanges(judgment({ firstErrorStep: 0 }), judgment({ firstErrorStep: 2 }))).toEqual(['first wrong step: Step 1 → Step 3']);
    expect(judgmentChanges(judgment({ regions: [{ id: 'a', x: 1 }] }), judgment({ regions: [{ id: 'a', x: 2 }] }))).toEqual(['regions edited']);
    expect(judgmentChanges(judgment({ errorAnalysis: 'a' }), judgment({ errorAnalysis: 'b' }))).toEqual(['error analysis edited']);
    expect(judgmentChanges(judgment({ reason: '' }), judgment({ reason: 'gold' }))).toEqual(['reason written']);
  });

  it('says when only the status changed, and marks a first revision', () => {
    expect(judgmentChanges(judgment(), judgment({ timeSpentMs: 9000 }))).toEqual(['no change to the judgment']);
    expect(judgmentChanges(null, judgment())).toEqual(['first revision']);
  });

  it('compares each revision with the same annotator’s previous one, oldest first', () => {
    const timeline = buildTimeline([
      entry({ at: '2026-01-01T10:05:00Z', action: 'submitted v2', snapshot: { ...base, errorType: 'reasoning' } }),
      entry({ at: '2026-01-01T10:00:00Z' }),
      entry({ at: '2026-01-01T10:02:00Z', actor: 'bob', annotator: 'bob', snapshot: { ...base, verdict: 'correct', firstErrorStep: null } }),
      entry({ at: '2026-01-01T10:03:00Z', kind: 'audit', action: 'queue.skip', annotator: null, snapshot: null }),
      entry({ at: '2026-01-01T10:06:00Z', kind: 'adjudication', action: 'adjudication v1', annotator: null, actor: 'lead' }),
    ]);
    expect(timeline.map((t) => t.entry.action)).toEqual(['draft v1', 'draft v1', 'queue.skip', 'submitted v2', 'adjudication v1']);
    expect(timeline.map((t) => t.changes)).toEqual([
      ['first revision'],
      ['first revision'],
      null,
      ['error type: calculation → reasoning'],
      ['first revision'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { FinalJudgment } from '../merge/merge';
import { ormJudgmentJson, ormRecord } from './orm-record';
import { prmRecord } from './prm-record';
import type { RecordInput, StepRating } from './records';
import { ratingsFor } from './step-ratings';

const correct: FinalJudgment = {
  verdict: 'correct',
  firstErrorStep: null,
  errorType: null,
  errorAnalysis: 'looks fine',
  improvementSuggestion: '',
  correctedSolution: null,
  badProblem: false,
};
const wrongAt = (step: number | null): FinalJudgment => ({
  ...correct,
  verdict: 'incorrect',
  firstErrorStep: step,
  errorAnalysis: ' Sign error. ',
  improvementSuggestion: 'Check signs.',
});

function input(more: Partial<RecordInput>): RecordInput {
  return {
    problem: { externalId: 'p', question: ' Q? ', images: [] },
    solution: { steps: ['a', 'b', 'c'], finalAnswer: '7' },
    judgment: correct,
    alternative: null,
    ...more,
  };
}

describe('orm records', () => {
  it('writes MathSE judgment JSON with a 1-based "Step N"', () => {
    expect(ormJudgmentJson({ judgment: wrongAt(1) })).toEqual({
      status: 'WRONG',
      error_step: 'Step 2',
      error_analysis: 'Sign error.',
      improvement_suggestion: 'Check signs.',
    });
    expect(ormJudgmentJson({ judgment: correct })).toEqual({ status: 'CORRECT', error_step: '', error_analysis: '', improvement_suggestion: '' });
    expect(ormJudgmentJson({ judgment: wrongAt(null) }).error_step).toBe('');
  });

  it('shows the numbered solution and answers with exactly the JSON', () => {
    const built = ormRecord(input({ judgment: wrongAt(0) }));
    if (!built.ok || built.record.type !== 'conversation') throw new Error('expected a conversation');
    expect(built.record.prompt).toContain('Q?\n\nSolution:\n\nStep 1: a\n\nStep 2: b\n\nStep 3: c\n\nThe answer to this problem is 7.');
    expect(Object.keys(JSON.parse(built.record.response))).toEqual(['status', 'error_step', 'error_analysis', 'improvement_suggestion']);
  });

  it('leaves out a solution without steps', () => {
    expect(ormRecord(input({ solution: { steps: [' '], finalAnswer: null } }))).toEqual({ ok: false, reason: 'no_steps' });
  });
});

describe('prm labels', () => {
  const labels = (more: Partial<RecordInput>) => {
    const built = prmRecord(input(more));
    if (!built.ok) return built.reason;
    if (built.record.type !== 'step_labels') throw new Error('expected step labels');
    return built.record.steps.map((s, i) => `${s}:${built.record.type === 'step_labels' && built.record.labels[i] ? 'T' : 'F'}`).join(' ');
  };

  it.each<[string, Partial<RecordInput>, string]>([
    ['correct → all true', {}, 'a:T b:T c:T'],
    ['first error → earlier true, it false, later dropped', { judgment: wrongAt(1) }, 'a:T b:F'],
    ['error at step 0', { judgment: wrongAt(0) }, 'a:F'],
    ['no error step', { judgment: wrongAt(null) }, 'no_error_step'],
    ['ratings win over the verdict', { judgment: wrongAt(0), stepRatings: [1, -1, 1] }, 'a:T b:F c:T'],
    ['neutral → false by default', { stepRatings: [1, 0, 1] }, 'a:T b:F c:T'],
    ['neutral → true', { stepRatings: [1, 0, 1], neutral: 'true' }, 'a:T b:T c:T'],
    ['neutral → drop', { stepRatings: [1, 0, -1], neutral: 'drop' }, 'a:T c:F'],
    ['all neutral dropped', { stepRatings: [0, 0, 0], neutral: 'drop' }, 'no_labelled_steps'],
    ['incomplete ratings are ignored', { judgment: wrongAt(1), stepRatings: [1, null, -1] }, 'a:T b:F'],
    ['ratings of the wrong length are ignored', { stepRatings: [1, -1] }, 'a:T b:T c:T'],
  ])('%s', (_name, more, expected) => {
    expect(labels(more)).toBe(expected);
  });
});

describe('ratingsFor', () => {
  const at = (ms: number) => new Date(ms);
  const annotation = (verdict: 'correct' | 'incorrect', firstErrorStep: number | null, ms: number, stepRatings: StepRating[] | null) => ({
    verdict,
    firstErrorStep,
    submittedAt: at(ms),
    stepRatings,
  });
  const sources = {
    gold: [1, 1] as StepRating[],
    annotations: [annotation('incorrect', 1, 3, [1, -1]), annotation('correct', null, 2, null), annotation('incorrect', 1, 1, [0, -1])],
  };

  it('takes gold from the adjudication, consensus from the earliest agreeing rated annotation, none from the ORM', () => {
    expect(ratingsFor('gold', correct, sources)).toEqual([1, 1]);
    expect(ratingsFor('consensus', wrongAt(1), sources)).toEqual([0, -1]);
    expect(ratingsFor('consensus', correct, sources)).toBeNull();
    expect(ratingsFor('orm', wrongAt(1), sources)).toBeNull();
  });
});

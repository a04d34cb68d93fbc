import { describe, expect, it } from 'vitest';
import type { OrmDto } from '../../../shared/schemas/api';
import { emptyJudgment } from '../../store/draft-slice';
import { humaniseProblem, humaniseTaxonomy, judgmentFromOrm, ormFlaggedStep, stepLabel } from './judgment-text';

const orm: OrmDto = {
  model: 'mathse-orm-v1', status: 'WRONG', error_step: 'Step 2', error_step_index: 1,
  error_analysis: 'The angle is $50^\\circ$, not $40^\\circ$.', improvement_suggestion: 'Use alternate angles.',
  score: 0.18, stepUnclear: false,
};

describe('judgment text', () => {
  it('numbers steps from 1 on screen', () => {
    expect(stepLabel(0)).toBe('Step 1');
  });

  it('humanises taxonomy values and problems', () => {
    expect(humaniseTaxonomy('question_misunderstanding')).toBe('Question misunderstanding');
    expect(humaniseProblem('firstErrorStep is required when the verdict is incorrect')).toBe(
      'First wrong step is required when the verdict is incorrect',
    );
  });

  it('takes verdict, step, analysis and suggestion from a WRONG judgment, keeping the error type', () => {
    const current = { ...emptyJudgment(), errorType: 'calculation', errorAnalysis: 'mine' };
    expect(judgmentFromOrm(orm, current, 4)).toEqual({
      verdict: 'incorrect', firstErrorStep: 1, errorAnalysis: orm.error_analysis, improvementSuggestion: orm.improvement_suggestion,
    });
  });

  it('keeps the person’s step when the ORM step is unclear or out of range', () => {
    const current = { ...emptyJudgment(), firstErrorStep: 2 };
    expect(judgmentFromOrm({ ...orm, stepUnclear: true, error_step_index: null }, emptyJudgment(), 4).firstErrorStep).toBeNull();
    expect(judgmentFromOrm({ ...orm, error_step_index: 9 }, current, 4).firstErrorStep).toBe(2);
  });

  it('takes a CORRECT judgment as verdict correct with no step, keeping text the ORM did not give', () => {
    const current = { ...emptyJudgment(), verdict: 'incorrect' as const, firstErrorStep: 1, errorAnalysis: 'typed' };
    const fields = judgmentFromOrm({ ...orm, status: 'CORRECT', error_analysis: null, improvement_suggestion: ' ' }, current, 4);
    expect(fields).toEqual({ verdict: 'correct', firstErrorStep: null });
  });

  it('fills the unrated steps with the ratings the ORM implies in every-step projects', () => {
    const current = { ...emptyJudgment(), stepRatings: [null, null, 0 as const, null] };
    expect(judgmentFromOrm(orm, current, 4, true).stepRatings).toEqual([1, -1, 0, null]);
    expect(judgmentFromOrm({ ...orm, status: 'CORRECT' }, emptyJudgment(), 3, true).stepRatings).toEqual([1, 1, 1]);
  });

  it('flags a step only for a clear WRONG judgment', () => {
    expect(ormFlaggedStep(orm)).toBe(1);
    expect(ormFlaggedStep({ ...orm, status: 'CORRECT' })).toBeNull();
    expect(ormFlaggedStep({ ...orm, stepUnclear: true })).toBeNull();
    expect(ormFlaggedStep(undefined)).toBeNull();
  });
});

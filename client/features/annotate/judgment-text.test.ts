import { describe, expect, it } from 'vitest';
import type { OrmDto } from '../../../shared/schemas/api';
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

  it('takes verdict, step, analysis and suggestion from a WRONG judgment', () => {
    expect(judgmentFromOrm(orm, 4)).toEqual({
      verdict: 'incorrect', firstErrorStep: 1, errorAnalysis: orm.error_analysis, improvementSuggestion: orm.improvement_suggestion,
    });
  });

  it('leaves the step empty when the ORM step is unclear or out of range', () => {
    expect(judgmentFromOrm({ ...orm, stepUnclear: true, error_step_index: null }, 4).firstErrorStep).toBeNull();
    expect(judgmentFromOrm({ ...orm, error_step_index: 9 }, 4).firstErrorStep).toBeNull();
  });

  it('takes a CORRECT judgment as verdict correct with no step', () => {
    const fields = judgmentFromOrm({ ...orm, status: 'CORRECT', error_analysis: null, improvement_suggestion: null }, 4);
    expect(fields).toEqual({ verdict: 'correct', firstErrorStep: null, errorAnalysis: '', improvementSuggestion: '' });
  });

  it('flags a step only for a clear WRONG judgment', () => {
    expect(ormFlaggedStep(orm)).toBe(1);
    expect(ormFlaggedStep({ ...orm, status: 'CORRECT' })).toBeNull();
    expect(ormFlaggedStep({ ...orm, stepUnclear: true })).toBeNull();
    expect(ormFlaggedStep(undefined)).toBeNull();
  });
});

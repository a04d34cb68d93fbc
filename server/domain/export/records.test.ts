import { describe, expect, it } from 'vitest';
import type { FinalJudgment } from '../merge/merge';
import { answerSentence, buildReflectionRecord, buildSftRecord, type RecordInput } from './records';
import { checkReflectionTemplate, fillReflectionTemplate } from './reflection-template';

const correct: FinalJudgment = {
  verdict: 'correct',
  firstErrorStep: null,
  errorType: null,
  errorAnalysis: '',
  improvementSuggestion: '',
  correctedSolution: null,
  badProblem: false,
};
const wrong: FinalJudgment = {
  ...correct,
  verdict: 'incorrect',
  firstErrorStep: 1,
  errorAnalysis: 'The angles are supplementary, not equal.',
  improvementSuggestion: 'Use $\\angle 1 + \\angle 2 = 180^\\circ$.',
};
const image = { sha256: 'a'.repeat(64), mime: 'image/png' };

function input(more: Partial<RecordInput>): RecordInput {
  return {
    problem: { externalId: 'p-1', question: ' Find $x$. ', images: [image] },
    solution: { steps: ['Since AB ∥ CD, angle 1 = 40°.', 'So x = 40°.'], finalAnswer: '40^\\circ' },
    judgment: correct,
    alternative: null,
    ...more,
  };
}

describe('buildSftRecord', () => {
  it('joins the steps and ends with the answer sentence', () => {
    expect(buildSftRecord(input({}))).toEqual({
      ok: true,
      record: {
        type: 'conversation',
        images: [image],
        prompt: 'Find $x$.',
        response: 'Since AB ∥ CD, angle 1 = 40°.\n\nSo x = 40°.\n\nThe answer to this problem is 40^\\circ.',
      },
    });
  });

  it.each([
    ['an incorrect verdict', input({ judgment: wrong }), 'verdict_incorrect'],
    ['no steps', input({ solution: { steps: [], finalAnswer: '1' } }), 'no_steps'],
    ['only blank steps', input({ solution: { steps: ['  ', ''], finalAnswer: '1' } }), 'no_steps'],
    ['no final answer', input({ solution: { steps: ['x = 1'], finalAnswer: null } }), 'no_final_answer'],
    ['a blank final answer', input({ solution: { steps: ['x = 1'], finalAnswer: ' ' } }), 'no_final_answer'],
  ])('leaves out %s', (_name, given, reason) => {
    expect(buildSftRecord(given)).toEqual({ ok: false, reason });
  });
});

describe('answerSentence', () => {
  it.each([
    ['5', 'The answer to this problem is 5.'],
    [' 5. ', 'The answer to this problem is 5.'],
    ['$\\frac{1}{2}$', 'The answer to this problem is $\\frac{1}{2}$.'],
    ['', null],
    [null, null],
  ])('%s → %s', (answer, expected) => {
    expect(answerSentence(answer)).toBe(expected);
  });
});

describe('buildReflectionRecord', () => {
  const corrected: FinalJudgment = { ...wrong, correctedSolution: ['Angle 1 + x = 180°.', 'So x = 140°.'] };

  it('shows the numbered wrong solution, the 1-based error step and the analysis', () => {
    const result = buildReflectionRecord(input({ judgment: corrected }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.prompt).toBe(
      [
        'Find $x$.',
        '',
        'Here is a step-by-step solution to this problem:',
        '',
        'Step 1: Since AB ∥ CD, angle 1 = 40°.',
        '',
        'Step 2: So x = 40°.',
        '',
        'The answer to this problem is 40^\\circ.',
        '',
        'This solution contains an error.',
        'Error Step: Step 2',
        'Error Analysis: The angles are supplementary, not equal.',
        'Improvement Suggestion: Use $\\angle 1 + \\angle 2 = 180^\\circ$.',
        '',
        'Reflect on the error above, then write a corrected, complete step-by-step solution.',
      ].join('\n'),
    );
    expect(result.record).toMatchObject({ response: 'Angle 1 + x = 180°.\n\nSo x = 140°.' });
    expect(result.record.images).toEqual([image]);
  });

  it('drops the suggestion line when there is none', () => {
    const result = buildReflectionRecord(input({ judgment: { ...corrected, improvementSuggestion: ' ' } }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.prompt).not.toContain('Improvement Suggestion');
    expect(result.record.prompt).toContain('Error Analysis: The angles');
  });

  it('falls back to a correct sibling solution', () => {
    const alternative = { steps: ['x = 180° − 40° = 140°.'], finalAnswer: '140^\\circ' };
    const result = buildReflectionRecord(input({ judgment: wrong, alternative }));
    expect(result).toMatchObject({
      ok: true,
      record: { response: 'x = 180° − 40° = 140°.\n\nThe answer to this problem is 140^\\circ.' },
    });
  });

  it('prefers the judgment’s own corrected solution over a sibling', () => {
    const alternative = { steps: ['sibling'], finalAnswer: '1' };
    const result = buildReflectionRecord(input({ judgment: corrected, alternative }));
    expect(result).toMatchObject({ ok: true, record: { response: 'Angle 1 + x = 180°.\n\nSo x = 140°.' } });
  });

  it('uses a custom template', () => {
    const template = 'Q: {question}\nS: {solution}\nE: {error_step} — {error_analysis}\nHint: {improvement_suggestion}';
    const result = buildReflectionRecord(input({ judgment: corrected, reflectionTemplate: template }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.prompt.split('\n').at(-2)).toBe('E: Step 2 — The angles are supplementary, not equal.');
  });

  it.each([
    ['a correct verdict', input({ judgment: correct }), 'verdict_correct'],
    ['no error step', input({ judgment: { ...corrected, firstErrorStep: null } }), 'no_error_step'],
    ['no correction anywhere', input({ judgment: wrong }), 'no_correction'],
    ['a blank corrected solution and no sibling', input({ judgment: { ...wrong, correctedSolution: ['  '] } }), 'no_correction'],
    ['a sibling with no steps', input({ judgment: wrong, alternative: { steps: [], finalAnswer: '1' } }), 'no_correction'],
    ['no steps', input({ judgment: corrected, solution: { steps: [], finalAnswer: null } }), 'no_steps'],
  ])('leaves out %s', (_name, given, reason) => {
    expect(buildReflectionRecord(given)).toEqual({ ok: false, reason });
  });
});

describe('fillReflectionTemplate', () => {
  const values = { question: 'Q', solution: 'S', error_step: 'Step 1', error_analysis: '', improvement_suggestion: 'tip' };

  it('never expands placeholders that appear inside values', () => {
    expect(fillReflectionTemplate('{question}|{solution}', { ...values, question: '{solution}' })).toBe('{solution}|S');
  });

  it('leaves LaTeX braces and unknown names alone', () => {
    expect(fillReflectionTemplate('\\frac{a}{b} {other} {question}', values)).toBe('\\frac{a}{b} {other} Q');
  });

  it('drops only the lines whose placeholder is empty', () => {
    expect(fillReflectionTemplate('A {question}\r\nB {error_analysis}\nC {improvement_suggestion}\n', values)).toBe('A Q\nC tip');
  });

  it('asks for the placeholders a record cannot do without', () => {
    expect(checkReflectionTemplate('{question} {solution}')).toEqual([]);
    expect(checkReflectionTemplate('only {error_step}')).toEqual([
      'the reflection template must contain {question}',
      'the reflection template must contain {solution}',
    ]);
  });
});

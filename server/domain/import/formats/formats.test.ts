import { describe, expect, it } from 'vitest';
import { parseNativeLine } from '../native-line';
import { detectFormat } from './detect';
import { parseMathseOrm, toOrmRecord } from './mathse-orm';
import { adaptPrm800k } from './prm800k';
import { adaptProcessBench } from './processbench';

const item = { id: 'gsm8k-7', generator: 'Qwen2-7B-Instruct', problem: 'What is $2+3$?', steps: ['2+3=6', 'So 6.'], final_answer_correct: false, label: 0 };

/** Adapted lines must be valid native lines: the pipeline checks them exactly like a JSONL line. */
function asNative(adapted: ReturnType<typeof adaptProcessBench>) {
  if (!adapted.ok) throw new Error(adapted.reason);
  const parsed = parseNativeLine(JSON.stringify(adapted.line), 1);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.record;
}

describe('detectFormat', () => {
  it.each([
    ['[', true, undefined, 'processbench'],
    ['{', false, { question: { problem: 'x' }, label: { steps: [] }, labeler: 'a' }, 'prm800k'],
    ['{', false, { solution_id: 's-1', model: 'orm', status: 'WRONG' }, 'mathse-orm'],
    ['{', false, { problem: {}, solution: {} }, 'redline'],
    ['{', false, undefined, 'redline'],
    ['[', false, { problem: {}, solution: {} }, 'redline'],
  ] as const)('%s (list %s) %j → %s', (firstChar, jsonList, firstObject, format) => {
    expect(detectFormat({ firstChar, jsonList, firstObject })).toEqual({ ok: true, format });
  });

  it.each([
    [null, undefined, 'the file is empty; name the format with --format'],
    ['{', { id: 1, text: 'x' }, 'cannot tell the format from the first line\'s keys (id, text); name the format with --format'],
    ['{', { question: 'x', label: 3 }, 'cannot tell the format from the first line\'s keys (question, label); name the format with --format'],
  ] as const)('%s %j → error', (firstChar, firstObject, reason) => {
    expect(detectFormat({ firstChar, jsonList: false, firstObject })).toEqual({ ok: false, reason });
  });
});

describe('adaptProcessBench', () => {
  it('maps label k ≥ 0 to an incorrect annotation by processbench at step k, keeping final_answer_correct', () => {
    const record = asNative(adaptProcessBench(item));
    expect(record.problem).toMatchObject({ question: 'What is $2+3$?', source: 'ProcessBench', answer: null });
    expect(record.problem.externalId).toMatch(/^pb-[0-9a-f]{16}$/);
    expect(record.solution).toMatchObject({ externalId: 'gsm8k-7', model: 'Qwen2-7B-Instruct', steps: item.steps, round: 0 });
    expect(record.solution.metadata).toEqual({ processbench: { split: 'gsm8k', label: 0, final_answer_correct: false } });
    expect(record.annotations).toMatchObject([{ annotator: 'processbench', verdict: 'incorrect', firstErrorStep: 0, stepRatings: null }]);
  });

  it('maps -1 to correct; the same problem text gives the same problem id, another text another', () => {
    const a = asNative(adaptProcessBench({ ...item, id: 'math-1', label: -1, final_answer_correct: true }));
    const b = asNative(adaptProcessBench({ ...item, id: 'gsm8k-8' }));
    const c = asNative(adaptProcessBench({ ...item, problem: 'What is $2+4$?' }));
    expect(a.annotations).toMatchObject([{ verdict: 'correct', firstErrorStep: null }]);
    expect(a.problem.externalId).toBe(b.problem.externalId);
    expect(c.problem.externalId).not.toBe(a.problem.externalId);
  });

  it.each([
    [{ ...item, label: 2 }, 'label: 2 is beyond the item\'s 2 steps (0-based, -1 = no error)'],
    [{ ...item, label: -2 }, 'label: Too small: expected number to be >=-1'],
    [{ ...item, label: 1.5 }, 'label: expected a whole number, received 1.5'],
    [{ ...item, steps: [] }, 'steps: Too small: expected array to have >=1 items'],
    [{ ...item, generator: undefined }, 'generator: missing (expected string)'],
  ])('refuses %j', (value, reason) => {
    expect(adaptProcessBench(value)).toEqual({ ok: false, reason });
  });
});

const completion = (text: string, rating: number | null) => ({ text, rating, flagged: false });
const prm = (over: { finish?: string; steps?: unknown[]; pre?: string[] } = {}) => ({
  labeler: 'lab-1', timestamp: '2022-11-17T14:02:51', generation: over.pre ? 6 : null,
  is_quality_control_question: false, is_initial_screening_question: false,
  question: { problem: 'Find $x$ if $2x = 6$.', ground_truth_answer: '3', ...(over.pre ? { pre_generated_steps: over.pre, pre_generated_answer: '4' } : {}) },
  label: {
    steps: over.steps ?? [
      { completions: [completion('Divide by 2.', 1)], human_completion: null, chosen_completion: 0 },
      { completions: [completion('x = 4.', -1), completion('x = 3.', 1)], human_completion: { text: 'So x = 3.' }, chosen_completion: null },
    ],
    total_time: 12_345, finish_reason: over.finish ?? 'found_error',
  },
});

describe('adaptPrm800k', () => {
  it('phase 1: the chosen completions (or the first) with their ratings; first -1 is the first error; human completions kept', () => {
    const adapted = adaptPrm800k(prm());
    const record = asNative(adapted);
    expect(record.solution.steps).toEqual(['Divide by 2.', 'x = 4.']);
    expect(record.problem.answer).toBe('3');
    expect(record.annotations).toMatchObject([{ annotator: 'lab-1', verdict: 'incorrect', firstErrorStep: 1, stepRatings: [1, -1], timeSpentMs: 12_345, badProblem: false }]);
    expect(record.solution.metadata).toMatchObject({ prm800k: { phase: 1, humanCompletions: [{ step: 1, text: 'So x = 3.', labeler: 'lab-1' }] } });
    expect(adapted).toMatchObject({ draftAnnotators: [] });
  });

  it('phase 2: the whole pre-generated solution, unlabelled steps rated null, the pre-generated answer', () => {
    const record = asNative(adaptPrm800k(prm({ pre: ['Divide by 2.', 'x = 4.', 'The answer is 4.'] })));
    expect(record.solution.steps).toEqual(['Divide by 2.', 'x = 4.', 'The answer is 4.']);
    expect(record.solution.finalAnswer).toBe('4');
    expect(record.annotations[0]?.stepRatings).toEqual([1, -1, null]);
  });

  it('null ratings stay null; no -1 means correct; a # Answer ending gives the final answer', () => {
    const steps = [
      { completions: [completion('Divide by 2.', null)], chosen_completion: 0 },
      { completions: [completion('x = 3.\n\n# Answer\n\n3', 1)], chosen_completion: 0 },
    ];
    const record = asNative(adaptPrm800k(prm({ steps, finish: 'solution' })));
    expect(record.annotations).toMatchObject([{ verdict: 'correct', firstErrorStep: null, stepRatings: [null, 1] }]);
    expect(record.solution.finalAnswer).toBe('3');
  });

  it('bad_problem flags the problem; give_up keeps the annotation a draft', () => {
    expect(asNative(adaptPrm800k(prm({ finish: 'bad_problem' }))).annotations[0]?.badProblem).toBe(true);
    expect(adaptPrm800k(prm({ finish: 'give_up' }))).toMatchObject({ ok: true, draftAnnotators: ['lab-1'] });
  });

  it('a phase-2 bad_problem record may rate no step', () => {
    const record = asNative(adaptPrm800k(prm({ finish: 'bad_problem', steps: [], pre: ['Divide by 2.', 'x = 3.'] })));
    expect(record.annotations).toMatchObject([{ badProblem: true, stepRatings: [null, null], verdict: 'correct', firstErrorStep: null }]);
    expect(adaptPrm800k(prm({ finish: 'bad_problem', steps: [] }))).toEqual({ ok: false, reason: 'label.steps: empty, and no pre_generated_steps: there is no solution to import' });
  });

  it('two labelers of one generation share the solution id', () => {
    const a = adaptPrm800k(prm({ pre: ['Divide by 2.', 'x = 4.'] }));
    const b = adaptPrm800k({ ...prm({ pre: ['Divide by 2.', 'x = 4.'] }), labeler: 'lab-2' });
    expect(a.ok && b.ok && a.line.solution.id === b.line.solution.id).toBe(true);
  });

  it.each([
    [prm({ finish: 'tired' }), /^label\.finish_reason: /],
    [prm({ steps: [{ completions: [completion('a', 1)], chosen_completion: 3 }] }), /^label\.steps\[0\]: chosen_completion 3 is beyond its 1 completions$/],
    [prm({ steps: [{ completions: [], chosen_completion: null }] }), /^label\.steps\[0\]: has no completions$/],
    [prm({ steps: [{ completions: [completion('a', 2)], chosen_completion: 0 }] }), /^label\.steps\[0\]\.completions\[0\]\.rating: /],
    [{ labeler: 'x' }, /^question: /],
  ])('refuses a bad record with a reason naming the field (%#)', (value, reason) => {
    const adapted = adaptPrm800k(value);
    expect(adapted.ok ? '' : adapted.reason).toMatch(reason);
  });
});

describe('mathse-orm records', () => {
  it('reads the judgment and resolves error_step against the solution', () => {
    const parsed = parseMathseOrm({ solution_id: 's-1', model: 'mathse-orm-v1', status: 'wrong', error_step: '(3) Calculation for the time period from 9:00 to 9:30', score: 0.1 });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.solutionExternalId).toBe('s-1');
    expect(toOrmRecord(parsed.judgment, 5)).toMatchObject({ status: 'WRONG', errorStepIndex: 2, stepUnclear: false, score: 0.1 });
    expect(toOrmRecord(parsed.judgment, 2)).toMatchObject({ errorStepIndex: null, stepUnclear: true });
  });

  it.each([
    [{ model: 'm', status: 'WRONG' }, 'solution_id: missing (expected string)'],
    [{ solution_id: 's', model: 'm', status: 'MAYBE' }, 'status: '],
    [{ solution_id: 's', model: 'm', status: 'WRONG', score: 2 }, 'score: '],
  ])('refuses %j', (value, reason) => {
    const parsed = parseMathseOrm(value);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});

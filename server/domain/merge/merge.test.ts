import { describe, expect, it } from 'vitest';
import {
  resolveJudgment,
  type Judgment,
  type MergeInput,
  type MergePolicy,
  type MergeResult,
  type OrmJudgment,
  type SubmittedAnnotation,
} from './merge';

const blank: Judgment = {
  verdict: null,
  firstErrorStep: null,
  errorType: null,
  errorAnalysis: '',
  improvementSuggestion: '',
  correctedSolution: null,
  badProblem: false,
};

/** An annotation submitted `minute` minutes into the day. */
function ann(annotator: string, minute: number, fields: Partial<Judgment>): SubmittedAnnotation {
  return { ...blank, ...fields, annotator, submittedAt: new Date(Date.UTC(2025, 0, 1, 0, minute)) };
}
const ok = (annotator: string, minute: number, more: Partial<Judgment> = {}) =>
  ann(annotator, minute, { verdict: 'correct', ...more });
const bad = (annotator: string, minute: number, step: number | null, more: Partial<Judgment> = {}) =>
  ann(annotator, minute, { verdict: 'incorrect', firstErrorStep: step, ...more });

function orm(id: number, fields: Partial<OrmJudgment>): OrmJudgment {
  return {
    id,
    model: 'orm-v1',
    status: 'WRONG',
    errorStepIndex: 1,
    errorAnalysis: 'orm analysis',
    improvementSuggestion: 'orm suggestion',
    score: 0.1,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, id)),
    ...fields,
  };
}

const input = (more: Partial<MergeInput>): MergeInput => ({ gold: null, annotations: [], orm: [], stepCount: 5, ...more });
const policy = (more: Partial<MergePolicy> = {}): MergePolicy => ({ sources: ['gold', 'consensus'], minAnnotators: 2, ...more });

/** The parts of a result a row asserts on. */
type Expected =
  | { reason: string }
  | { source: string; verdict: string; step?: number | null; type?: string | null; analysis?: string; annotators?: number; agreement?: number | null };

function summarise(result: MergeResult, expected: Expected): Expected {
  if (!result.ok) return { reason: result.reason };
  const j = result.judgment;
  const out: Record<string, unknown> = { source: result.source, verdict: j.verdict };
  if ('step' in expected) out.step = j.firstErrorStep;
  if ('type' in expected) out.type = j.errorType;
  if ('analysis' in expected) out.analysis = j.errorAnalysis;
  if ('annotators' in expected) out.annotators = result.annotators;
  if ('agreement' in expected) out.agreement = result.agreement;
  return out as Expected;
}

const cases: Array<[string, MergeInput, MergePolicy, Expected]> = [
  // Consensus: verdict by strict majority of all submitted annotations.
  ['unanimous correct', input({ annotations: [ok('a', 1), ok('b', 2)] }), policy(), { source: 'consensus', verdict: 'correct', step: null, agreement: 1 }],
  ['2 of 3 incorrect wins', input({ annotations: [bad('a', 1, 2), ok('b', 2), bad('c', 3, 2)] }), policy(), { source: 'consensus', verdict: 'incorrect', step: 2, annotators: 3, agreement: 2 / 3 }],
  ['even split is unresolved', input({ annotations: [bad('a', 1, 2), ok('b', 2)] }), policy(), { reason: 'unresolved' }],
  ['2-2 split is unresolved', input({ annotations: [bad('a', 1, 2), ok('b', 2), bad('c', 3, 1), ok('d', 4)] }), policy(), { reason: 'unresolved' }],
  ['a bad-problem vote without verdict blocks a 1-1 majority', input({ annotations: [ok('a', 1), ann('b', 2, { badProblem: true })] }), policy(), { reason: 'unresolved' }],
  ['one bad-problem flag of three is outvoted', input({ annotations: [ok('a', 1), ok('b', 2), ann('c', 3, { badProblem: true })] }), policy(), { source: 'consensus', verdict: 'correct', agreement: 2 / 3 }],
  // minAnnotators.
  ['one annotation when two are needed', input({ annotations: [ok('a', 1)] }), policy(), { reason: 'too_few_annotators' }],
  ['one annotation is enough when one is needed', input({ annotations: [bad('a', 1, 0)] }), policy({ minAnnotators: 1 }), { source: 'consensus', verdict: 'incorrect', step: 0 }],
  ['minAnnotators 0 still needs one', input({}), policy({ minAnnotators: 0 }), { reason: 'no_judgment' }],
  ['nothing at all', input({}), policy(), { reason: 'no_judgment' }],
  // First error step: majority among incorrect; ties → earliest step; out-of-range ignored.
  ['step majority', input({ annotations: [bad('a', 1, 3), bad('b', 2, 1), bad('c', 3, 3)] }), policy(), { source: 'consensus', verdict: 'incorrect', step: 3 }],
  ['step tie → earliest step', input({ annotations: [bad('a', 1, 3), bad('b', 2, 1)] }), policy(), { source: 'consensus', verdict: 'incorrect', step: 1 }],
  ['out-of-range step ignored', input({ annotations: [bad('a', 1, 9), bad('b', 2, 4)] }), policy(), { source: 'consensus', verdict: 'incorrect', step: 4 }],
  ['no step given at all', input({ annotations: [bad('a', 1, null), bad('b', 2, null)] }), policy(), { source: 'consensus', verdict: 'incorrect', step: null }],
  // Error type: majority; ties → type of the earliest-submitted annotation among the tied.
  ['type majority', input({ annotations: [bad('a', 1, 1, { errorType: 'knowledge' }), bad('b', 2, 1, { errorType: 'calculation' }), bad('c', 3, 1, { errorType: 'calculation' })] }), policy(), { source: 'consensus', verdict: 'incorrect', type: 'calculation' }],
  ['type tie → earliest submitted', input({ annotations: [bad('b', 5, 1, { errorType: 'knowledge' }), bad('a', 2, 1, { errorType: 'calculation' })] }), policy(), { source: 'consensus', verdict: 'incorrect', type: 'calculation' }],
  ['type tie at the same minute → annotator name', input({ annotations: [bad('b', 2, 1, { errorType: 'knowledge' }), bad('a', 2, 1, { errorType: 'reasoning' })] }), policy(), { source: 'consensus', verdict: 'incorrect', type: 'reasoning' }],
  // Text fields: earliest-submitted annotation agreeing with verdict AND step.
  ['text from earliest agreeing annotation', input({ annotations: [bad('a', 1, 0, { errorAnalysis: 'A: step 1' }), bad('b', 2, 2, { errorAnalysis: 'B: step 3' }), bad('c', 3, 2, { errorAnalysis: 'C: step 3' })] }), policy(), { source: 'consensus', verdict: 'incorrect', step: 2, analysis: 'B: step 3' }],
  // Bad problem.
  ['majority bad problem', input({ annotations: [ann('a', 1, { badProblem: true }), ann('b', 2, { badProblem: true, verdict: 'incorrect', firstErrorStep: 0 }), ok('c', 3)] }), policy(), { reason: 'bad_problem' }],
  ['gold bad problem', input({ gold: { ...blank, badProblem: true }, annotations: [ok('a', 1), ok('b', 2)] }), policy(), { reason: 'bad_problem' }],
  ['bad problem stops before ORM', input({ annotations: [ann('a', 1, { badProblem: true }), ann('b', 2, { badProblem: true })], orm: [orm(1, { status: 'CORRECT', score: 1 })] }), policy({ sources: ['gold', 'consensus', 'orm'] }), { reason: 'bad_problem' }],
  // Gold overrides consensus.
  ['gold overrides consensus', input({ gold: { ...blank, verdict: 'incorrect', firstErrorStep: 1, errorAnalysis: 'lead' }, annotations: [ok('a', 1), ok('b', 2)] }), policy(), { source: 'gold', verdict: 'incorrect', step: 1, analysis: 'lead', annotators: 2, agreement: 0 }],
  ['gold settles an even split', input({ gold: { ...blank, verdict: 'correct' }, annotations: [bad('a', 1, 2), ok('b', 2)] }), policy(), { source: 'gold', verdict: 'correct', agreement: 0.5 }],
  ['gold without annotations: agreement null', input({ gold: { ...blank, verdict: 'correct' } }), policy(), { source: 'gold', verdict: 'correct', annotators: 0, agreement: null }],
  ['draft-like gold without verdict is ignored', input({ gold: blank, annotations: [ok('a', 1), ok('b', 2)] }), policy(), { source: 'consensus', verdict: 'correct' }],
  ['consensus first, gold second', input({ gold: { ...blank, verdict: 'incorrect', firstErrorStep: 0 }, annotations: [ok('a', 1), ok('b', 2)] }), policy({ sources: ['consensus', 'gold'] }), { source: 'consensus', verdict: 'correct' }],
  // ORM.
  ['ORM when humans are missing', input({ orm: [orm(1, {})] }), policy({ sources: ['gold', 'consensus', 'orm'] }), { source: 'orm', verdict: 'incorrect', step: 1, analysis: 'orm analysis', annotators: 0, agreement: null }],
  ['missing ORM', input({}), policy({ sources: ['orm'] }), { reason: 'no_judgment' }],
  ['latest ORM wins', input({ orm: [orm(2, { status: 'CORRECT' }), orm(1, { model: 'orm-v0' })] }), policy({ sources: ['orm'] }), { source: 'orm', verdict: 'correct', step: null }],
  ['same time: higher id wins', input({ orm: [orm(3, { createdAt: new Date(0), status: 'CORRECT' }), orm(4, { createdAt: new Date(0), model: 'm2' })] }), policy({ sources: ['orm'] }), { source: 'orm', verdict: 'incorrect' }],
  ['named ORM model', input({ orm: [orm(1, { model: 'old', status: 'CORRECT' }), orm(2, {})] }), policy({ sources: ['orm'], ormModel: 'old' }), { source: 'orm', verdict: 'correct' }],
  ['named ORM model absent', input({ orm: [orm(1, {})] }), policy({ sources: ['orm'], ormModel: 'other' }), { reason: 'no_judgment' }],
  ['WRONG with unparsed step keeps the verdict', input({ orm: [orm(1, { errorStepIndex: null })] }), policy({ sources: ['orm'] }), { source: 'orm', verdict: 'incorrect', step: null }],
  ['WRONG step beyond the solution', input({ orm: [orm(1, { errorStepIndex: 7 })] }), policy({ sources: ['orm'] }), { source: 'orm', verdict: 'incorrect', step: null }],
  ['CORRECT clears the bar', input({ orm: [orm(1, { status: 'CORRECT', score: 0.8 })] }), policy({ sources: ['orm'], ormMinScore: 0.8 }), { source: 'orm', verdict: 'correct' }],
  ['CORRECT below the bar', input({ orm: [orm(1, { status: 'CORRECT', score: 0.79 })] }), policy({ sources: ['orm'], ormMinScore: 0.8 }), { reason: 'orm_below_score' }],
  ['WRONG clears the bar at 1 − bar', input({ orm: [orm(1, { score: 0.2 })] }), policy({ sources: ['orm'], ormMinScore: 0.8 }), { source: 'orm', verdict: 'incorrect' }],
  ['WRONG above 1 − bar', input({ orm: [orm(1, { score: 0.21 })] }), policy({ sources: ['orm'], ormMinScore: 0.8 }), { reason: 'orm_below_score' }],
  ['missing score fails the bar', input({ orm: [orm(1, { score: null })] }), policy({ sources: ['orm'], ormMinScore: 0.5 }), { reason: 'orm_below_score' }],
  ['missing score is fine without a bar', input({ orm: [orm(1, { score: null })] }), policy({ sources: ['orm'] }), { source: 'orm', verdict: 'incorrect' }],
  // Which reason when nothing resolves: the first source that had data.
  ['too few annotators beats a missing ORM', input({ annotations: [ok('a', 1)] }), policy({ sources: ['gold', 'consensus', 'orm'] }), { reason: 'too_few_annotators' }],
  ['unresolved beats an ORM below the bar', input({ annotations: [ok('a', 1), bad('b', 2, 1)], orm: [orm(1, { score: 0.5 })] }), policy({ sources: ['consensus', 'orm'], ormMinScore: 0.9 }), { reason: 'unresolved' }],
  ['ORM falls back when consensus is split', input({ annotations: [ok('a', 1), bad('b', 2, 1)], orm: [orm(1, { score: 0.05 })] }), policy({ sources: ['gold', 'consensus', 'orm'], ormMinScore: 0.9 }), { source: 'orm', verdict: 'incorrect', agreement: 0.5 }],
];

describe('resolveJudgment', () => {
  it.each(cases)('%s', (_name, mergeInput, mergePolicy, expected) => {
    expect(summarise(resolveJudgment(mergeInput, mergePolicy), expected)).toEqual(expected);
  });

  it('takes all text fields from the one earliest agreeing annotation', () => {
    const result = resolveJudgment(
      input({
        annotations: [
          bad('late', 9, 1, { errorAnalysis: 'late analysis', improvementSuggestion: 'late tip', correctedSolution: ['late fix'] }),
          bad('early', 1, 1, { errorAnalysis: 'early analysis', improvementSuggestion: '', correctedSolution: null }),
        ],
      }),
      policy(),
    );
    expect(result).toMatchObject({
      ok: true,
      judgment: { errorAnalysis: 'early analysis', improvementSuggestion: '', correctedSolution: null, badProblem: false },
    });
  });

  it('does not depend on the order annotations arrive in', () => {
    const annotations = [bad('a', 3, 2, { errorType: 'knowledge' }), bad('b', 1, 4, { errorType: 'calculation' }), ok('c', 2)];
    const forward = resolveJudgment(input({ annotations }), policy());
    const backward = resolveJudgment(input({ annotations: [...annotations].reverse() }), policy());
    expect(backward).toEqual(forward);
    expect(forward).toMatchObject({ ok: true, judgment: { firstErrorStep: 2, errorType: 'calculation' } });
  });

  it('clears fields a correct gold verdict cannot carry', () => {
    const result = resolveJudgment(input({ gold: { ...blank, verdict: 'correct', firstErrorStep: 2, errorType: 'knowledge' } }), policy());
    expect(result).toMatchObject({ ok: true, judgment: { verdict: 'correct', firstErrorStep: null, errorType: null } });
  });
});

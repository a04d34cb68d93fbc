import { describe, expect, it } from 'vitest';
import { parseNativeLine, type NativeRecord } from './native-line';

const base = {
  problem: { id: 'p-001', question: 'In the figure, $AB \\parallel CD$ …', images: ['img/p-001.png'], answer: '40^\\circ', subject: 'geometry', source: 'MathVL' },
  solution: { id: 'p-001-r2-a', model: 'cogvlm2-r2', round: 2, steps: ['a', 'b', 'c', 'd', 'e'], finalAnswer: '50^\\circ' },
  orm: { model: 'mathse-orm-v1', status: 'WRONG', error_step: 'Step 2', error_analysis: '…', improvement_suggestion: '…', score: 0.18 },
  annotations: [{ annotator: 'alice', verdict: 'incorrect', firstErrorStep: 1, errorType: 'vision_recognition', errorAnalysis: '…' }],
};
type Line = Record<string, unknown>;
const withPart = (part: 'problem' | 'solution' | 'orm', changes: Line): Line => ({ ...base, [part]: { ...base[part], ...changes } });
const withAnnotation = (changes: Line): Line => ({ ...base, annotations: [{ ...base.annotations[0], ...changes }] });

function record(line: unknown, opts = {}): NativeRecord {
  const parsed = parseNativeLine(JSON.stringify(line), 7, opts);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.record;
}
function reason(text: string | unknown, opts = {}): string {
  const parsed = parseNativeLine(typeof text === 'string' ? text : JSON.stringify(text), 1, opts);
  return parsed.ok ? 'ok' : parsed.reason;
}

describe('parseNativeLine: good lines', () => {
  it('normalises the SPEC example', () => {
    const r = record(base);
    expect(r.lineNo).toBe(7);
    expect(r.problem).toEqual({
      externalId: 'p-001', question: base.problem.question, answer: '40^\\circ', subject: 'geometry', source: 'MathVL',
      metadata: null, imageRefs: ['img/p-001.png'],
    });
    expect(r.solution).toEqual({
      externalId: 'p-001-r2-a', model: 'cogvlm2-r2', round: 2, steps: ['a', 'b', 'c', 'd', 'e'], rawText: null, finalAnswer: '50^\\circ', metadata: null,
    });
    expect(r.orm).toEqual([{
      model: 'mathse-orm-v1', status: 'WRONG', errorStep: 'Step 2', errorStepIndex: 1, stepUnclear: false,
      errorAnalysis: '…', improvementSuggestion: '…', score: 0.18,
    }]);
    expect(r.annotations).toEqual([{
      annotator: 'alice', verdict: 'incorrect', firstErrorStep: 1, stepRatings: null, errorType: 'vision_recognition',
      errorAnalysis: '…', improvementSuggestion: '', correctedSolution: null, regions: [], badProblem: false, unsure: false, timeSpentMs: 0,
    }]);
  });

  it('defaults what is optional', () => {
    const r = record({ problem: { id: 'p', question: 'q' }, solution: { id: 's', model: 'm', steps: ['x'] } });
    expect(r.problem.imageRefs).toEqual([]);
    expect(r.solution.round).toBe(0);
    expect(r.orm).toEqual([]);
    expect(r.annotations).toEqual([]);
  });

  it('splits `text` into steps and keeps the raw text', () => {
    const text = 'Step 1: Find x.\nStep 2: Then y.';
    const r = record(withPart('solution', { steps: undefined, text }));
    expect(r.solution.steps).toEqual(['Find x.', 'Then y.']);
    expect(r.solution.rawText).toBe(text);
  });

  it('lets opts.round override the line', () => {
    expect(record(base, { round: 5 }).solution.round).toBe(5);
    expect(record(base, { round: 0 }).solution.round).toBe(0);
  });

  it('reads ORM lists, unclear error steps and CORRECT verdicts', () => {
    const r = record({
      ...base,
      orm: [
        { model: 'a', status: 'wrong', error_step: 'the reasoning is off' },
        { model: 'b', status: 'WRONG', error_step: 'Step 9' },
        { model: 'c', status: 'CORRECT', error_step: 'Step 2' },
        { model: 'd', status: 'WRONG', error_step: 3 },
      ],
    });
    expect(r.orm.map((o) => [o.model, o.status, o.errorStep, o.errorStepIndex, o.stepUnclear])).toEqual([
      ['a', 'WRONG', 'the reasoning is off', null, true],
      ['b', 'WRONG', 'Step 9', null, true],
      ['c', 'CORRECT', 'Step 2', null, false],
      ['d', 'WRONG', '3', 2, false],
    ]);
  });

  it('splits a corrected solution given as text and keeps flags', () => {
    const r = record(withAnnotation({ correctedSolution: '1. Fix a.\n2. Fix b.', flags: { unsure: true }, stepRatings: [1, -1, 0, null, 1] }));
    expect(r.annotations[0]).toMatchObject({ correctedSolution: ['Fix a.', 'Fix b.'], unsure: true, badProblem: false, stepRatings: [1, -1, 0, null, 1] });
  });

  it('allows a bad problem without a first error step', () => {
    expect(reason(withAnnotation({ firstErrorStep: null, flags: { badProblem: true } }))).toBe('ok');
  });

  it('turns lone surrogates into U+FFFD, as the databases would', () => {
    const line = JSON.stringify(withPart('problem', { question: 'x' })).replace('"question":"x"', '"question":"x\\ud800y"');
    const parsed = parseNativeLine(line, 1, {});
    expect(parsed.ok && parsed.record.problem.question).toBe('x\uFFFDy');
  });
});

describe('parseNativeLine: bad lines name the field and the problem', () => {
  it.each([
    ['{"problem": {"id": 1,}', /^invalid JSON: .*position 21/],
    ['[1, 2]', /^\(line\): expected object, received array$/],
    ['"just text"', /^\(line\): expected object, received string$/],
  ])('%s', (text, expected) => {
    expect(reason(text)).toMatch(expected);
  });

  it.each<[string, unknown, string]>([
    ['steps as a string', withPart('solution', { steps: 'a b c' }), 'solution.steps: expected array, received string'],
    ['a missing question', withPart('problem', { question: undefined }), 'problem.question: missing (expected string)'],
    ['no steps or text', withPart('solution', { steps: undefined }), 'solution: needs "steps" (a list) or "text" (raw text to split)'],
    ['an empty id', withPart('problem', { id: '  ' }), 'problem.id: must not be empty'],
    ['a fractional round', withPart('solution', { round: 1.5 }), 'solution.round: expected a whole number, received 1.5'],
    ['a bad ORM status', withPart('orm', { status: 'MAYBE' }), 'orm.status: expected one of "CORRECT"|"WRONG", received "MAYBE"'],
    ['a bad ORM in a list', { ...base, orm: [base.orm, { model: 'x', status: 3 }] }, 'orm[1].status: expected one of "CORRECT"|"WRONG", received 3'],
    ['orm of the wrong type', { ...base, orm: 'WRONG' }, 'orm: expected object or array, received "WRONG"'],
    ['two judgments of one ORM', { ...base, orm: [base.orm, base.orm] }, 'orm[1].model: "mathse-orm-v1" appears twice in this line'],
    ['a bad verdict', withAnnotation({ verdict: 'nope' }), 'annotations[0].verdict: expected one of "correct"|"incorrect", received "nope"'],
    ['a step beyond the solution', withAnnotation({ firstErrorStep: 7 }), "annotations[0].firstErrorStep 7 is beyond the solution's 5 steps"],
    ['incorrect without a step', withAnnotation({ firstErrorStep: null }), 'annotations[0].firstErrorStep is required when the verdict is incorrect'],
    ['correct with a step', withAnnotation({ verdict: 'correct' }), 'annotations[0].firstErrorStep must be empty when the verdict is correct'],
    ['too few ratings', withAnnotation({ stepRatings: [1, -1] }), 'annotations[0].stepRatings has 2 entries for 5 steps'],
    ['a bad rating', withAnnotation({ stepRatings: [1, 2, 0, 0, 0] }), 'annotations[0].stepRatings[1]: expected -1 or 0 or 1 or null, received 2'],
    ['a region beyond the steps', withAnnotation({ regions: [{ id: 'r', imageSha256: 'a'.repeat(64), kind: 'box', points: [[0, 0]], stepIndex: 5 }] }),
      "annotations[0].regions[0].stepIndex 5 is beyond the solution's 5 steps"],
    ['an absurd time', withAnnotation({ timeSpentMs: 3e9 }), 'annotations[0].timeSpentMs 3000000000 is too large (at most 2147483647)'],
    ['one annotator twice', { ...base, annotations: [base.annotations[0], base.annotations[0]] }, 'annotations[1].annotator: "alice" has two annotations in this line'],
    ['text that holds no steps', withPart('solution', { steps: undefined, text: ' \n\n ' }), 'solution.text: no steps could be read from it'],
  ])('%s', (_name, line, expected) => {
    expect(reason(line)).toBe(expected);
  });

  it('checks the error type against a taxonomy when given one', () => {
    expect(reason(withAnnotation({ errorType: 'typo' }), { taxonomy: ['reasoning', 'other'] }))
      .toBe('annotations[0].errorType "typo" is not in the project\'s taxonomy (reasoning, other)');
    expect(reason(withAnnotation({ errorType: 'typo' }))).toBe('ok');
  });

  it('refuses NUL characters, which PostgreSQL cannot store', () => {
    const line = JSON.stringify(base).replace('"finalAnswer":"', '"finalAnswer":"\\u0000');
    expect(reason(line)).toBe('solution.finalAnswer: contains a NUL character (\\u0000), which cannot be stored');
  });
});

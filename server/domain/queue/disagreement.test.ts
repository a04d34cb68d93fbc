import { describe, expect, it } from 'vitest';
import { isSplit, labelSignature, type SubmittedLabel } from './disagreement';

const correct: SubmittedLabel = { verdict: 'correct', firstErrorStep: null };
const wrongAt = (step: number | null): SubmittedLabel => ({ verdict: 'incorrect', firstErrorStep: step });
const badProblem: SubmittedLabel = { verdict: null, firstErrorStep: null };

const cases: Array<[string, SubmittedLabel[], boolean]> = [
  ['nobody yet', [], false],
  ['one label cannot split', [wrongAt(2)], false],
  ['all correct', [correct, correct], false],
  ['all incorrect at the same step', [wrongAt(1), wrongAt(1), wrongAt(1)], false],
  ['correct against incorrect', [correct, wrongAt(1)], true],
  ['incorrect at different first steps', [wrongAt(1), wrongAt(2)], true],
  ['a majority does not hide the split', [wrongAt(1), wrongAt(1), wrongAt(3)], true],
  ['incorrect with and without a step', [wrongAt(null), wrongAt(0)], true],
  ['a bad-problem flag without a verdict against a verdict', [badProblem, correct], true],
];

describe('isSplit', () => {
  it.each(cases)('%s → %s', (_name, labels, split) => expect(isSplit(labels)).toBe(split));

  it('signs a label by verdict and, for incorrect, the first error step', () => {
    expect([correct, wrongAt(3), wrongAt(null), badProblem].map(labelSignature)).toEqual(['correct', 'incorrect@3', 'incorrect@-', '-']);
  });
});

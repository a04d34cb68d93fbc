import { describe, expect, it } from 'vitest';
import { buildPreferenceRecord, preferencePairs } from './preference-record';

const c = (externalId: string, round: number) => ({ externalId, round });

describe('preferencePairs', () => {
  it('sorts by round descending then external id, takes the product chosen-major, caps it', () => {
    const correct = [c('c-b', 1), c('c-a', 1), c('c-z', 2)];
    const incorrect = [c('r-1', 0), c('r-2', 3)];
    const pairs = preferencePairs(correct, incorrect, 4).map(([x, y]) => `${x.externalId}>${y.externalId}`);
    expect(pairs).toEqual(['c-z>r-2', 'c-z>r-1', 'c-a>r-2', 'c-a>r-1']);
  });

  it('gives nothing without a counterpart and everything under the cap', () => {
    expect(preferencePairs([c('a', 0)], [], 4)).toEqual([]);
    expect(preferencePairs([c('a', 0)], [c('b', 0), c('c', 0)], 10)).toHaveLength(2);
  });

  it('does not depend on the input order', () => {
    const correct = [c('a', 0), c('b', 0), c('c', 1)];
    const incorrect = [c('x', 0), c('y', 2)];
    expect(preferencePairs([...correct].reverse(), [...incorrect].reverse(), 3)).toEqual(preferencePairs(correct, incorrect, 3));
  });
});

describe('buildPreferenceRecord', () => {
  it('writes the question as prompt and both solutions like sft responses', () => {
    const problem = { externalId: 'p', question: ' Q ', images: [] };
    expect(buildPreferenceRecord(problem, { steps: ['a ', 'b'], finalAnswer: '1.' }, { steps: ['x'], finalAnswer: null })).toEqual({
      type: 'preference',
      images: [],
      prompt: 'Q',
      chosen: 'a\n\nb\n\nThe answer to this problem is 1.',
      rejected: 'x',
    });
  });
});

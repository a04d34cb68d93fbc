import { describe, expect, it } from 'vitest';
import { compareOrmWithHumans, type OrmComparisonItem } from './orm-vs-human';

const item = (
  human: OrmComparisonItem['human'],
  humanStep: number | null,
  orm: OrmComparisonItem['orm'],
  ormStep: number | null,
): OrmComparisonItem => ({ human, humanStep, orm, ormStep });

describe('compareOrmWithHumans', () => {
  it('computes the confusion matrix and scores (hand-checked)', () => {
    const result = compareOrmWithHumans([
      item('correct', null, 'correct', null), // cc
      item('correct', null, 'incorrect', 1), // ci
      item('incorrect', 2, 'incorrect', 2), // ii, same step
      item('incorrect', 3, 'incorrect', 1), // ii, different step
      item('incorrect', 0, 'correct', null), // ic
      item('incorrect', null, 'incorrect', 4), // ii, reference gave no step
      item('correct', null, 'correct', null), // cc
    ]);
    expect(result.items).toBe(7);
    expect(result.confusion).toEqual({ correct: { correct: 2, incorrect: 1 }, incorrect: { correct: 1, incorrect: 3 } });
    expect(result.accuracy).toBeCloseTo(5 / 7, 12);
    expect(result.precisionWrong).toBeCloseTo(3 / 4, 12); // ii / (ii + ci)
    expect(result.recallWrong).toBeCloseTo(3 / 4, 12); // ii / (ii + ic)
    expect(result.f1Wrong).toBeCloseTo(3 / 4, 12);
    expect(result.firstErrorStepMatch).toBeCloseTo(1 / 2, 12); // items 3 and 4
    // Wrong with a reference step: items 3, 4, 5 → 1/3 found; correct: 2 of 3 → F1 = 4/9.
    expect(result.processBenchF1).toBeCloseTo(4 / 9, 12);
  });

  it('gives null for undefined ratios and 0 only for a real zero', () => {
    expect(compareOrmWithHumans([])).toMatchObject({
      items: 0, accuracy: null, precisionWrong: null, recallWrong: null,
      f1Wrong: null, firstErrorStepMatch: null, processBenchF1: null,
    });
    // The ORM misses every wrong solution and flags every correct one.
    const result = compareOrmWithHumans([item('incorrect', 1, 'correct', null), item('correct', null, 'incorrect', 0)]);
    expect(result).toMatchObject({ accuracy: 0, precisionWrong: 0, recallWrong: 0, f1Wrong: 0, processBenchF1: 0 });
    expect(result.firstErrorStepMatch).toBeNull();
  });
});

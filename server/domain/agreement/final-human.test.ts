import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalHumanJudgments, finalHumanJudgmentsViaMerge } from './final-human';
import { allocateAgreementData, type AgreementData } from './report-data';
import { roundTransitions } from './round-transitions';

/** Random report data: solutions with 0–5 submitted annotations and maybe gold. */
const randomData = fc
  .array(
    fc.record({
      annotations: fc.array(
        fc.record({
          verdict: fc.integer({ min: -1, max: 1 }),
          step: fc.integer({ min: -1, max: 3 }),
          type: fc.integer({ min: -1, max: 2 }),
          bad: fc.boolean(),
          at: fc.integer({ min: 0, max: 3 }),
        }),
        { maxLength: 5 },
      ),
      gold: fc.option(fc.record({ verdict: fc.integer({ min: -1, max: 1 }), step: fc.integer({ min: -1, max: 3 }), type: fc.integer({ min: -1, max: 2 }), bad: fc.boolean() })),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((solutions): AgreementData => {
    const rows = solutions.reduce((n, s) => n + s.annotations.length, 0);
    const data = allocateAgreementData(solutions.length, rows);
    data.raters = ['ann', 'bob', 'cat', 'dan', 'eve'];
    data.errorTypeNames = ['calculation', 'knowledge', 'reasoning'];
    let row = 0;
    solutions.forEach((s, i) => {
      data.solutions.id[i] = i + 1;
      s.annotations.forEach((a, r) => {
        data.annotations.rater[row] = r;
        data.annotations.verdict[row] = a.verdict;
        data.annotations.firstErrorStep[row] = a.step;
        data.annotations.errorType[row] = a.type;
        data.annotations.badProblem[row] = a.bad ? 1 : 0;
        data.annotations.submittedAt[row] = a.at;
        row += 1;
      });
      data.start[i + 1] = row;
      if (s.gold) {
        data.gold.present[i] = 1;
        data.gold.verdict[i] = s.gold.verdict;
        data.gold.firstErrorStep[i] = s.gold.step;
        data.gold.errorType[i] = s.gold.type;
        data.gold.badProblem[i] = s.gold.bad ? 1 : 0;
      }
    });
    return data;
  });

describe('final human judgments', () => {
  it('equal domain/merge’s resolveJudgment (policy gold,consensus) on random data', () => {
    fc.assert(
      fc.property(randomData, fc.integer({ min: 1, max: 3 }), (data, minAnnotators) => {
        expect(finalHumanJudgments(data, minAnnotators)).toEqual(finalHumanJudgmentsViaMerge(data, minAnnotators));
      }),
      { numRuns: 500, seed: 21 },
    );
  });
});

describe('round transitions (MathSE Fig. 2)', () => {
  it('a problem is correct in a round when any of its solutions there is finally correct', () => {
    // problem 1: r0 {incorrect, correct} → correct; r1 {incorrect} → incorrect
    // problem 2: r0 {incorrect} → incorrect; r1 {correct, no judgment} → correct
    // problem 3: r0 {correct}; r1 none judged → not counted; r2 {correct} (no r1: 1→2 skips it)
    // problem 4: r1 {incorrect}, r2 {incorrect} → incorrect → incorrect in 1→2
    const problem = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4];
    const round = [0, 0, 1, 0, 1, 1, 0, 1, 2, 1, 2];
    const verdict = [1, 0, 1, 1, 0, -1, 0, -1, 0, 1, 1];
    expect(roundTransitions(problem, round, verdict)).toEqual([
      { from: 0, to: 1, problems: 2, correctToCorrect: 0, correctToIncorrect: 1, incorrectToCorrect: 1, incorrectToIncorrect: 0 },
      { from: 1, to: 2, problems: 1, correctToCorrect: 0, correctToIncorrect: 0, incorrectToCorrect: 0, incorrectToIncorrect: 1 },
    ]);
  });

  it('only consecutive rounds r → r + 1', () => {
    expect(roundTransitions([1, 1], [0, 2], [0, 0])).toEqual([]);
  });
});

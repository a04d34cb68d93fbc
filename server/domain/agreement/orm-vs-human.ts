import type { Verdict } from '../../../shared/schemas/annotation';

/** One solution judged by the human reference (gold, else consensus) and by the ORM. */
export interface OrmComparisonItem {
  human: Verdict;
  orm: Verdict;
  /** 0-based first error step of the reference; null when correct or not given. */
  humanStep: number | null;
  /** 0-based first error step the ORM named; null when correct or not parseable. */
  ormStep: number | null;
}

/** Counts by human verdict (first key), then ORM verdict (second key), as in SPEC §6. */
export type Confusion = Record<Verdict, Record<Verdict, number>>;

export interface OrmVsHuman {
  items: number;
  confusion: Confusion;
  accuracy: number | null;
  precisionWrong: number | null;
  recallWrong: number | null;
  f1Wrong: number | null;
  firstErrorStepMatch: number | null;
  processBenchF1: number | null;
}

/**
 * The ORM scored against the human reference, "incorrect" being the positive class:
 *   accuracy = (cc + ii) / items,  precisionWrong = ii / (ii + ci),  recallWrong = ii / (ii + ic),
 *   f1Wrong = harmonic mean of precision and recall
 * (xy = human x, ORM y). firstErrorStepMatch: among items both call incorrect and both give a
 * step, the share with the same step. processBenchF1 (ProcessBench, Zheng et al. 2024): harmonic
 * mean of the accuracy on wrong solutions — the ORM says incorrect AND names the reference's first
 * error step (items whose reference gives no step are left out) — and the accuracy on correct
 * solutions (the ORM says correct). A ratio with a zero denominator is null; a harmonic mean is
 * null when either side is null and 0 when both are 0 (its limit, a real score, not a stand-in).
 */
export function compareOrmWithHumans(items: readonly OrmComparisonItem[]): OrmVsHuman {
  const confusion: Confusion = { correct: { correct: 0, incorrect: 0 }, incorrect: { correct: 0, incorrect: 0 } };
  let bothSteps = 0;
  let sameStep = 0;
  let wrongWithStep = 0;
  let wrongFound = 0;
  for (const item of items) {
    confusion[item.human][item.orm] += 1;
    if (item.human !== 'incorrect') continue;
    if (item.humanStep === null) continue;
    wrongWithStep += 1;
    if (item.orm === 'incorrect' && item.ormStep === item.humanStep) wrongFound += 1;
    if (item.orm === 'incorrect' && item.ormStep !== null) {
      bothSteps += 1;
      if (item.ormStep === item.humanStep) sameStep += 1;
    }
  }
  const { correct: cc, incorrect: ci } = confusion.correct;
  const { correct: ic, incorrect: ii } = confusion.incorrect;
  const precisionWrong = ratio(ii, ii + ci);
  const recallWrong = ratio(ii, ii + ic);
  return {
    items: items.length,
    confusion,
    accuracy: ratio(cc + ii, items.length),
    precisionWrong,
    recallWrong,
    f1Wrong: harmonicMean(precisionWrong, recallWrong),
    firstErrorStepMatch: ratio(sameStep, bothSteps),
    processBenchF1: harmonicMean(ratio(wrongFound, wrongWithStep), ratio(cc, cc + ci)),
  };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function harmonicMean(x: number | null, y: number | null): number | null {
  if (x === null || y === null) return null;
  return x + y === 0 ? 0 : (2 * x * y) / (x + y);
}

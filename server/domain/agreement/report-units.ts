import { emptyMatrix, type RatingMatrix } from './rating-matrix';
import { NO_RATING, type AgreementData } from './report-data';

/**
 * The reliability data of the report as matrices, one unit per solution and one column per rater
 * (SPEC §6): verdicts (0 correct, 1 incorrect), first error steps (of raters who said incorrect
 * and gave a step), error types (index into errorTypeNames); the step ratings as one unit per
 * (solution, step) with the solution as its cluster (-1, 0, 1 as interval values). Only submitted
 * annotations are in `data`; gold is not a rater.
 */
export interface ReportUnits {
  verdict: RatingMatrix;
  firstErrorStep: RatingMatrix;
  errorType: RatingMatrix;
  stepRatings: RatingMatrix;
  /** The solution (cluster) of each step unit. */
  stepSolution: Int32Array;
  /** Per solution × rater: the strict-majority verdict of the OTHER raters (ties, none → NaN). */
  othersConsensus: RatingMatrix;
}

export function reportUnits(data: AgreementData): ReportUnits {
  const R = data.raters.length;
  const S = data.solutions.count;
  const a = data.annotations;
  const verdict = emptyMatrix(S, R);
  const firstErrorStep = emptyMatrix(S, R);
  const errorType = emptyMatrix(S, R);
  const othersConsensus = emptyMatrix(S, R);
  const stepCounts = new Int32Array(S);
  let stepUnits = 0;
  for (let s = 0; s < S; s++) {
    const from = data.start[s] as number;
    const to = data.start[s + 1] as number;
    let correct = 0;
    let incorrect = 0;
    let longest = 0;
    for (let row = from; row < to; row++) {
      const cell = s * R + (a.rater[row] as number);
      const code = a.verdict[row] as number;
      if (code >= 0) verdict.values[cell] = code;
      if (code === 0) correct += 1;
      if (code === 1) incorrect += 1;
      if (code === 1 && (a.firstErrorStep[row] as number) >= 0) firstErrorStep.values[cell] = a.firstErrorStep[row] as number;
      if ((a.errorType[row] as number) >= 0) errorType.values[cell] = a.errorType[row] as number;
      const given = (a.stepRatings.start[row + 1] as number) - (a.stepRatings.start[row] as number);
      if (given > longest) longest = given;
    }
    for (let row = from; row < to; row++) {
      const mine = a.verdict[row] as number;
      const c = correct - (mine === 0 ? 1 : 0);
      const i = incorrect - (mine === 1 ? 1 : 0);
      if (c !== i) othersConsensus.values[s * R + (a.rater[row] as number)] = c > i ? 0 : 1;
    }
    stepCounts[s] = longest;
    stepUnits += longest;
  }
  const stepRatings = emptyMatrix(stepUnits, R);
  const stepSolution = new Int32Array(stepUnits);
  let base = 0;
  for (let s = 0; s < S; s++) {
    const steps = stepCounts[s] as number;
    if (steps === 0) continue;
    stepSolution.fill(s, base, base + steps);
    for (let row = data.start[s] as number; row < (data.start[s + 1] as number); row++) {
      const from = a.stepRatings.start[row] as number;
      const to = a.stepRatings.start[row + 1] as number;
      for (let p = from; p < to; p++) {
        const rating = a.stepRatings.values[p] as number;
        if (rating !== NO_RATING) stepRatings.values[(base + p - from) * R + (a.rater[row] as number)] = rating;
      }
    }
    base += steps;
  }
  return { verdict, firstErrorStep, errorType, stepRatings, stepSolution, othersConsensus };
}

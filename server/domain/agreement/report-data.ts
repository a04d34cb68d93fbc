/**
 * What the agreement report reads, in columns (typed arrays) so a million annotations cost a few
 * tens of megabytes instead of a million objects. Solutions are indexed 0..solutionCount−1 (the
 * loader's order, ascending id); their submitted annotations are rows start[s] .. start[s+1]−1.
 * Codes: verdict −1 none, 0 correct, 1 incorrect; step −1 none (else 0-based); error type −1 none
 * (else an index into errorTypeNames); rater = an index into raters.
 */
export interface AgreementData {
  /** Annotator names (raters: every user with a submitted annotation, imported ones included). */
  raters: string[];
  errorTypeNames: string[];
  solutions: {
    count: number;
    id: Int32Array;
    problemId: Int32Array;
    round: Int32Array;
  };
  /** Row ranges per solution (length count + 1). */
  start: Uint32Array;
  annotations: {
    rater: Int32Array;
    verdict: Int8Array;
    firstErrorStep: Int32Array;
    errorType: Int32Array;
    timeSpentMs: Float64Array;
    /** Submission time in ms since the epoch (the last save where an import gave none). */
    submittedAt: Float64Array;
    badProblem: Uint8Array;
    /**
     * Step ratings: row r's are values[start[r] .. start[r + 1]) (empty = none given), one per
     * step, −1, 0 or 1, NO_RATING where that step was left unrated.
     */
    stepRatings: { start: Uint32Array; values: Int8Array };
  };
  /** The adjudication (gold) per solution; `present` 0 where there is none. */
  gold: {
    present: Uint8Array;
    verdict: Int8Array;
    firstErrorStep: Int32Array;
    errorType: Int32Array;
    badProblem: Uint8Array;
    qc: Uint8Array;
  };
  /** The ORM judgment compared per solution (latest, or the named model's); verdict −1 = none. */
  orm: {
    verdict: Int8Array;
    firstErrorStep: Int32Array;
  };
}

export const VERDICT_NAMES = ['correct', 'incorrect'] as const;

/** A step left unrated in a step-ratings list. */
export const NO_RATING = 127;

/** An empty data set with room for `solutions` solutions and `rows` annotations (loaders fill it). */
export function allocateAgreementData(solutions: number, rows: number): AgreementData {
  return {
    raters: [],
    errorTypeNames: [],
    solutions: { count: solutions, id: new Int32Array(solutions), problemId: new Int32Array(solutions), round: new Int32Array(solutions) },
    start: new Uint32Array(solutions + 1),
    annotations: {
      rater: new Int32Array(rows),
      verdict: new Int8Array(rows).fill(-1),
      firstErrorStep: new Int32Array(rows).fill(-1),
      errorType: new Int32Array(rows).fill(-1),
      timeSpentMs: new Float64Array(rows),
      submittedAt: new Float64Array(rows),
      badProblem: new Uint8Array(rows),
      stepRatings: { start: new Uint32Array(rows + 1), values: new Int8Array(0) },
    },
    gold: {
      present: new Uint8Array(solutions),
      verdict: new Int8Array(solutions).fill(-1),
      firstErrorStep: new Int32Array(solutions).fill(-1),
      errorType: new Int32Array(solutions).fill(-1),
      badProblem: new Uint8Array(solutions),
      qc: new Uint8Array(solutions),
    },
    orm: { verdict: new Int8Array(solutions).fill(-1), firstErrorStep: new Int32Array(solutions).fill(-1) },
  };
}

import type { ExportProblem, ExportSolution, PreferenceRecord } from './record-types';
import { cleanSteps, solutionText } from './record-text';

/**
 * preference (SPEC §5): pairs of (chosen = a solution whose final verdict is correct,
 * rejected = one whose final verdict is incorrect) of the same problem.
 * Pairing rule, deterministic: sort each side by round descending, then external id ascending
 * (code-unit order); take the cartesian product in that order (chosen in the outer loop,
 * rejected in the inner), and keep the first `maxPairs`. With correct c1 c2 and incorrect
 * r1 r2 r3 and maxPairs 4: (c1,r1) (c1,r2) (c1,r3) (c2,r1).
 */
export const DEFAULT_MAX_PAIRS_PER_PROBLEM = 4;

export interface PairCandidate {
  externalId: string;
  round: number;
}

export function preferencePairs<T extends PairCandidate>(correct: readonly T[], incorrect: readonly T[], maxPairs: number): Array<[chosen: T, rejected: T]> {
  const chosen = [...correct].sort(byRoundThenId);
  const rejected = [...incorrect].sort(byRoundThenId);
  const pairs: Array<[T, T]> = [];
  for (const c of chosen) {
    for (const r of rejected) {
      if (pairs.length >= maxPairs) return pairs;
      pairs.push([c, r]);
    }
  }
  return pairs;
}

function byRoundThenId(a: PairCandidate, b: PairCandidate): number {
  if (a.round !== b.round) return b.round - a.round;
  return a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0;
}

/** Whether a solution can stand in a pair: it has a step with text. */
export function hasSteps(solution: ExportSolution): boolean {
  return cleanSteps(solution.steps) !== null;
}

/**
 * The prompt is the question; chosen and rejected are written like sft responses (steps as
 * paragraphs, then "The answer to this problem is …" when there is a final answer).
 */
export function buildPreferenceRecord(problem: ExportProblem, chosen: ExportSolution, rejected: ExportSolution): PreferenceRecord {
  return {
    type: 'preference',
    images: problem.images,
    prompt: problem.question.trim(),
    chosen: solutionText(cleanSteps(chosen.steps) ?? [], chosen.finalAnswer),
    rejected: solutionText(cleanSteps(rejected.steps) ?? [], rejected.finalAnswer),
  };
}

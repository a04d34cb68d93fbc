import { validStep, type MergePolicy, type OrmJudgment, type SourceOutcome } from './judgment';

/**
 * The ORM as a merge source (SPEC §4): the judgment of `policy.ormModel` when named, else the
 * latest one (by `createdAt`, then id). With `ormMinScore` = b, a CORRECT judgment counts only
 * when score ≥ b and a WRONG one only when score ≤ 1 − b; a missing score fails the bar.
 * WRONG with no parseable step still gives a verdict (usable for SFT exclusion and verdict
 * statistics) with `firstErrorStep` null; kinds that need the step leave it out themselves.
 */
export function ormJudgment(orm: readonly OrmJudgment[], policy: MergePolicy, stepCount: number): SourceOutcome {
  const candidates = policy.ormModel === undefined ? orm : orm.filter((j) => j.model === policy.ormModel);
  const latest = candidates.reduce<OrmJudgment | null>((best, j) => (best === null || isLater(j, best) ? j : best), null);
  if (latest === null) return { kind: 'absent' };
  if (policy.ormMinScore !== undefined && !clearsScoreBar(latest, policy.ormMinScore)) {
    return { kind: 'failed', reason: 'orm_below_score' };
  }
  const wrong = latest.status === 'WRONG';
  return {
    kind: 'resolved',
    judgment: {
      verdict: wrong ? 'incorrect' : 'correct',
      firstErrorStep: wrong ? validStep(latest.errorStepIndex, stepCount) : null,
      errorType: null,
      errorAnalysis: latest.errorAnalysis ?? '',
      improvementSuggestion: latest.improvementSuggestion ?? '',
      correctedSolution: null,
      badProblem: false,
    },
  };
}

export function clearsScoreBar(judgment: Pick<OrmJudgment, 'status' | 'score'>, bar: number): boolean {
  if (judgment.score === null || !Number.isFinite(judgment.score)) return false;
  // Confidence in the stated verdict; the tolerance keeps 1 − 0.8 from missing 0.2 by a rounding.
  const confidence = judgment.status === 'CORRECT' ? judgment.score : 1 - judgment.score;
  return confidence >= bar - SCORE_TOLERANCE;
}

const SCORE_TOLERANCE = 1e-9;

function isLater(a: OrmJudgment, b: OrmJudgment): boolean {
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  return byTime !== 0 ? byTime > 0 : a.id > b.id;
}

import type { MergeSource, SubmittedAnnotation } from '../merge/merge';
import type { FinalJudgment } from '../merge/merge';
import type { StepRating } from './record-types';

/** Per-step ratings stored beside the judgments merge reads (SPEC §2), 0-based by step. */
export interface RatingSources {
  gold: readonly StepRating[] | null;
  /** Submitted annotations, with the fields that say whether they agree with a consensus. */
  annotations: ReadonlyArray<Pick<SubmittedAnnotation, 'verdict' | 'firstErrorStep' | 'submittedAt'> & { stepRatings: readonly StepRating[] | null }>;
}

/**
 * The ratings that go with a final judgment, from the same place as its text fields (SPEC §4):
 * gold → the adjudication's; consensus → the earliest-submitted annotation that agrees with
 * the consensus verdict and first error step and has ratings; orm → none (ORMs rate no steps).
 */
export function ratingsFor(source: MergeSource, judgment: FinalJudgment, sources: RatingSources): readonly StepRating[] | null {
  if (source === 'gold') return sources.gold;
  if (source === 'orm') return null;
  const agreeing = sources.annotations
    .filter((a) => a.verdict === judgment.verdict && a.firstErrorStep === judgment.firstErrorStep && a.stepRatings !== null)
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return agreeing[0]?.stepRatings ?? null;
}

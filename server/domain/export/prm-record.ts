import type { BuildResult, NeutralMode, RecordInput, StepRating } from './record-types';
import { cleanSteps } from './record-text';

/**
 * prm (SPEC §5): the question, the solution's steps, one boolean label per step.
 * Labels, from the first rule that applies:
 *  1. per-step ratings (one per step, none null): 1 → true, -1 → false, 0 → `neutral`
 *     ('false' default, as TRL's PRM datasets; 'true'; or 'drop': the step leaves the record);
 *  2. verdict correct → every step true;
 *  3. verdict incorrect with a first error step i (0-based) → steps 0..i-1 true, step i false,
 *     steps after i dropped (nothing is known about them);
 *  4. incorrect without an error step → left out (`no_error_step`).
 * Empty steps are kept (indices must keep their meaning) unless a rule drops them.
 */
export function prmRecord(input: RecordInput): BuildResult {
  const steps = cleanSteps(input.solution.steps);
  if (steps === null) return { ok: false, reason: 'no_steps' };
  const labelled = labelSteps(steps, input);
  if (labelled === 'no_error_step') return { ok: false, reason: 'no_error_step' };
  if (labelled.length === 0) return { ok: false, reason: 'no_labelled_steps' };
  return {
    ok: true,
    record: {
      type: 'step_labels',
      images: input.problem.images,
      prompt: input.problem.question.trim(),
      steps: labelled.map(([step]) => step),
      labels: labelled.map(([, label]) => label),
    },
  };
}

type Labelled = Array<[step: string, label: boolean]>;

function labelSteps(steps: readonly string[], input: RecordInput): Labelled | 'no_error_step' {
  const ratings = usableRatings(input.stepRatings ?? null, steps.length);
  if (ratings !== null) return fromRatings(steps, ratings, input.neutral ?? 'false');
  if (input.judgment.verdict === 'correct') return steps.map((step) => [step, true]);
  const first = input.judgment.firstErrorStep;
  if (first === null || first >= steps.length) return 'no_error_step';
  return steps.slice(0, first + 1).map((step, i) => [step, i < first]);
}

/** Ratings count only when complete: one per step and every step rated. */
function usableRatings(ratings: readonly StepRating[] | null, stepCount: number): ReadonlyArray<-1 | 0 | 1> | null {
  if (ratings === null || ratings.length !== stepCount) return null;
  return ratings.every((r) => r !== null) ? (ratings as ReadonlyArray<-1 | 0 | 1>) : null;
}

function fromRatings(steps: readonly string[], ratings: ReadonlyArray<-1 | 0 | 1>, neutral: NeutralMode): Labelled {
  const out: Labelled = [];
  steps.forEach((step, i) => {
    const rating = ratings[i];
    if (rating === 1) out.push([step, true]);
    else if (rating === -1) out.push([step, false]);
    else if (neutral !== 'drop') out.push([step, neutral === 'true']);
  });
  return out;
}

import type { OrmDto } from '../../../shared/schemas/api';
import type { JudgmentFields } from '../../../shared/schemas/annotation';

/** Wording shared by the annotate screens. Pure. Steps are 0-based in data, 1-based on screen. */

export const stepLabel = (index: number) => `Step ${index + 1}`;

/** `question_misunderstanding` → "Question misunderstanding". */
export function humaniseTaxonomy(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** checkSubmittable and the server speak in field names; annotators read labels. */
export function humaniseProblem(problem: string): string {
  const text = problem
    .replace(/\bfirstErrorStep\b/g, 'first wrong step')
    .replace(/\berrorType\b/g, 'error type')
    .replace(/\bstepRatings\b/g, 'step ratings');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The fields "Accept ORM judgment" fills in: verdict, first wrong step (when the ORM named a
 * step that exists), analysis and suggestion. Error type and flags are left as they are.
 */
export function judgmentFromOrm(orm: OrmDto, stepCount: number): Partial<JudgmentFields> {
  const text = {
    errorAnalysis: orm.error_analysis ?? '',
    improvementSuggestion: orm.improvement_suggestion ?? '',
  };
  if (orm.status === 'CORRECT') return { verdict: 'correct', firstErrorStep: null, ...text };
  const index = orm.error_step_index;
  const firstErrorStep = index !== null && !orm.stepUnclear && index >= 0 && index < stepCount ? index : null;
  return { verdict: 'incorrect', firstErrorStep, ...text };
}

/** The step the ORM says is the first wrong one, if it said so clearly. */
export function ormFlaggedStep(orm: OrmDto | undefined): number | null {
  if (!orm || orm.status !== 'WRONG' || orm.stepUnclear) return null;
  return orm.error_step_index;
}

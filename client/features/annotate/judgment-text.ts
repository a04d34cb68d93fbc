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
 * "Accept ORM judgment": one patch (one undo step) that makes the form say what the ORM said.
 * Verdict and first wrong step from the ORM (an unclear or out-of-range step leaves the
 * person's choice); analysis and suggestion from the ORM where it wrote any (else the person's
 * text stays); error type stays (the ORM names none). In every-step projects, unrated steps get
 * the ratings the ORM implies: +1 before its wrong step, −1 on it, nothing after.
 */
export function judgmentFromOrm(orm: OrmDto, current: JudgmentFields, stepCount: number, everyStep = false): Partial<JudgmentFields> {
  const patch: Partial<JudgmentFields> = {};
  if (orm.error_analysis?.trim()) patch.errorAnalysis = orm.error_analysis;
  if (orm.improvement_suggestion?.trim()) patch.improvementSuggestion = orm.improvement_suggestion;
  const index = orm.error_step_index;
  const step = index !== null && !orm.stepUnclear && index >= 0 && index < stepCount ? index : null;
  if (orm.status === 'CORRECT') Object.assign(patch, { verdict: 'correct', firstErrorStep: null });
  else Object.assign(patch, { verdict: 'incorrect', firstErrorStep: step ?? current.firstErrorStep });
  if (everyStep) {
    const implied = (i: number): -1 | 1 | null => {
      if (orm.status === 'CORRECT') return 1;
      if (step === null) return null;
      return i < step ? 1 : i === step ? -1 : null;
    };
    const ratings = current.stepRatings ?? [];
    patch.stepRatings = Array.from({ length: stepCount }, (_, i) => ratings[i] ?? implied(i));
  }
  return patch;
}

/** The step the ORM says is the first wrong one, if it said so clearly. */
export function ormFlaggedStep(orm: OrmDto | undefined): number | null {
  if (!orm || orm.status !== 'WRONG' || orm.stepUnclear) return null;
  return orm.error_step_index;
}

/** The ORM judgment the screen works from: the latest one stored (SPEC §4 merges on it too). */
export function primaryOrm(orm: readonly OrmDto[]): OrmDto | undefined {
  return orm[orm.length - 1];
}

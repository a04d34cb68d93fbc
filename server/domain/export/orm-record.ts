import type { BuildResult, RecordInput } from './record-types';
import { cleanSteps, numberedSteps } from './record-text';

/**
 * orm (SPEC §5): training data for an outcome reward model that answers like MathSE's ORM.
 * Prompt: the question, the solution as "Step N: …" paragraphs (1-based) with its answer
 * sentence, and ORM_INSTRUCTION. Response: exactly one JSON object, keys in this order,
 *   {"status":"CORRECT"|"WRONG","error_step":"Step N"|"","error_analysis":…,"improvement_suggestion":…}
 * `error_step` is "Step N" from the final judgment's 0-based index + 1; it is "" for CORRECT and
 * for an incorrect judgment that names no step (kept: SPEC §5 takes every resolved solution).
 * For CORRECT the analysis and suggestion are "" too, whatever the annotator wrote.
 */
export const ORM_INSTRUCTION =
  'Judge whether this solution is correct. Reply with one JSON object with the keys "status" ("CORRECT" or "WRONG"), ' +
  '"error_step" ("Step N" for the first wrong step, or "" when correct), "error_analysis" and "improvement_suggestion".';

export interface OrmJudgmentJson {
  status: 'CORRECT' | 'WRONG';
  error_step: string;
  error_analysis: string;
  improvement_suggestion: string;
}

export function ormRecord(input: RecordInput): BuildResult {
  const steps = cleanSteps(input.solution.steps);
  if (steps === null) return { ok: false, reason: 'no_steps' };
  const prompt = [
    input.problem.question.trim(),
    'Solution:',
    numberedSteps(steps, input.solution.finalAnswer),
    ORM_INSTRUCTION,
  ].join('\n\n');
  const response = JSON.stringify(ormJudgmentJson(input));
  return { ok: true, record: { type: 'conversation', images: input.problem.images, prompt, response } };
}

export function ormJudgmentJson({ judgment }: Pick<RecordInput, 'judgment'>): OrmJudgmentJson {
  if (judgment.verdict === 'correct') {
    return { status: 'CORRECT', error_step: '', error_analysis: '', improvement_suggestion: '' };
  }
  return {
    status: 'WRONG',
    error_step: judgment.firstErrorStep === null ? '' : `Step ${judgment.firstErrorStep + 1}`,
    error_analysis: judgment.errorAnalysis.trim(),
    improvement_suggestion: judgment.improvementSuggestion.trim(),
  };
}

import { ormRecord } from './orm-record';
import { prmRecord } from './prm-record';
import type { BuildResult, ExportProblem, ExportSolution, KindDefinition, RecordInput, RecordKind } from './record-types';
import { answerSentence, cleanSteps, numberedSteps } from './record-text';
import { DEFAULT_REFLECTION_TEMPLATE, fillReflectionTemplate } from './reflection-template';

export * from './record-types';
export { answerSentence } from './record-text';

/**
 * Kinds (SPEC §5) turn one solution and its final judgment into a neutral record
 * (record-types.ts); formats (formats.ts) render neutral records into lines. A kind never
 * knows the format, a format never knows the kind's rules.
 */

export const KINDS: Record<RecordKind, KindDefinition> = {
  sft: { build: buildSftRecord, needsAlternative: false, leftOutReasons: ['verdict_incorrect', 'no_steps', 'no_final_answer'] },
  reflection: {
    build: buildReflectionRecord,
    needsAlternative: true,
    leftOutReasons: ['verdict_correct', 'no_steps', 'no_error_step', 'no_correction'],
  },
  orm: { build: ormRecord, needsAlternative: false, leftOutReasons: ['no_steps'] },
  prm: { build: prmRecord, needsAlternative: false, leftOutReasons: ['no_steps', 'no_error_step', 'no_labelled_steps'] },
};

/**
 * sft: question (+ images) → the solution, steps joined by blank lines, ending with
 * "The answer to this problem is {finalAnswer}." A solution without a final answer is left
 * out (`no_final_answer`) rather than given the problem's gold answer: the record must say
 * only what the solution said.
 */
export function buildSftRecord(input: RecordInput): BuildResult {
  if (input.judgment.verdict !== 'correct') return { ok: false, reason: 'verdict_incorrect' };
  const steps = cleanSteps(input.solution.steps);
  if (steps === null) return { ok: false, reason: 'no_steps' };
  const sentence = answerSentence(input.solution.finalAnswer);
  if (sentence === null) return { ok: false, reason: 'no_final_answer' };
  return conversation(input.problem, input.problem.question.trim(), `${steps.join('\n\n')}\n\n${sentence}`);
}

/**
 * reflection: question + the wrong solution + "Error Step: Step N" + "Error Analysis: …"
 * (+ suggestion) + an instruction (see reflection-template.ts) → a corrected solution: the
 * final judgment's `correctedSolution`, else `alternative` (rendered like an sft response,
 * the answer sentence only when it has a final answer).
 */
export function buildReflectionRecord(input: RecordInput): BuildResult {
  const { judgment, solution } = input;
  if (judgment.verdict !== 'incorrect') return { ok: false, reason: 'verdict_correct' };
  const steps = cleanSteps(solution.steps);
  if (steps === null) return { ok: false, reason: 'no_steps' };
  if (judgment.firstErrorStep === null) return { ok: false, reason: 'no_error_step' };
  const target = correctionText(judgment.correctedSolution, input.alternative);
  if (target === null) return { ok: false, reason: 'no_correction' };

  const prompt = fillReflectionTemplate(input.reflectionTemplate ?? DEFAULT_REFLECTION_TEMPLATE, {
    question: input.problem.question.trim(),
    solution: numberedSteps(steps, solution.finalAnswer),
    error_step: `Step ${judgment.firstErrorStep + 1}`,
    error_analysis: judgment.errorAnalysis.trim(),
    improvement_suggestion: judgment.improvementSuggestion.trim(),
  });
  return conversation(input.problem, prompt, target);
}

function correctionText(corrected: readonly string[] | null, alternative: ExportSolution | null): string | null {
  const own = (corrected ?? []).map((s) => s.trim()).filter((s) => s !== '');
  if (own.length > 0) return own.join('\n\n');
  if (alternative === null) return null;
  const steps = cleanSteps(alternative.steps);
  if (steps === null) return null;
  const sentence = answerSentence(alternative.finalAnswer);
  return [...steps, ...(sentence === null ? [] : [sentence])].join('\n\n');
}

function conversation(problem: ExportProblem, prompt: string, response: string): BuildResult {
  return { ok: true, record: { type: 'conversation', images: problem.images, prompt, response } };
}

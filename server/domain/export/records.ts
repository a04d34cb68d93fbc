import type { FinalJudgment } from '../merge/merge';
import { DEFAULT_REFLECTION_TEMPLATE, fillReflectionTemplate } from './reflection-template';

/**
 * Kinds (SPEC §5) turn one solution and its final judgment into a neutral record; formats
 * (sharegpt.ts, later openai and trl) render neutral records into lines. A kind never knows
 * the format, a format never knows the kind's rules. Contract: indices in data are 0-based;
 * "Step N" in text is 1-based.
 */

export interface ImageRef {
  sha256: string;
  mime: string;
}

export interface ExportProblem {
  externalId: string;
  question: string;
  /** In the problem's order (position); formats emit one image token per entry. */
  images: readonly ImageRef[];
}

export interface ExportSolution {
  steps: readonly string[];
  finalAnswer: string | null;
}

/** One user turn (text + images) answered by one assistant turn. */
export interface ConversationRecord {
  type: 'conversation';
  images: readonly ImageRef[];
  /** The user's text, without image tokens: formats place the images. */
  prompt: string;
  response: string;
}

/** Later kinds add shapes here (ORM judgments, step labels, preference pairs). */
export type NeutralRecord = ConversationRecord;

export const RECORD_KINDS = ['sft', 'reflection'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type RecordLeftOutReason =
  | 'verdict_incorrect' // sft: only correct solutions are SFT data
  | 'verdict_correct' // reflection: only wrong solutions are reflected on
  | 'no_steps'
  | 'no_final_answer' // sft: no "The answer to this problem is …" can be written truthfully
  | 'no_error_step' // reflection: the final judgment names no step (e.g. ORM step unclear)
  | 'no_correction'; // reflection: no corrected solution and no correct sibling solution

export interface RecordInput {
  problem: ExportProblem;
  solution: ExportSolution;
  judgment: FinalJudgment;
  /** reflection: a correct solution of the same problem (the caller picks it), or null. */
  alternative: ExportSolution | null;
  reflectionTemplate?: string;
}

export type BuildResult = { ok: true; record: NeutralRecord } | { ok: false; reason: RecordLeftOutReason };

export interface KindDefinition {
  build(input: RecordInput): BuildResult;
  /** Whether `alternative` matters, i.e. the caller must find correct sibling solutions. */
  needsAlternative: boolean;
  /** Every reason `build` may give, in the order the manifest lists them. */
  leftOutReasons: readonly RecordLeftOutReason[];
}

export const KINDS: Record<RecordKind, KindDefinition> = {
  sft: { build: buildSftRecord, needsAlternative: false, leftOutReasons: ['verdict_incorrect', 'no_steps', 'no_final_answer'] },
  reflection: {
    build: buildReflectionRecord,
    needsAlternative: true,
    leftOutReasons: ['verdict_correct', 'no_steps', 'no_error_step', 'no_correction'],
  },
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

  const numbered = steps.map((step, i) => `Step ${i + 1}: ${step}`);
  const wrongAnswer = answerSentence(solution.finalAnswer);
  const prompt = fillReflectionTemplate(input.reflectionTemplate ?? DEFAULT_REFLECTION_TEMPLATE, {
    question: input.problem.question.trim(),
    solution: [...numbered, ...(wrongAnswer === null ? [] : [wrongAnswer])].join('\n\n'),
    error_step: `Step ${judgment.firstErrorStep + 1}`,
    error_analysis: judgment.errorAnalysis.trim(),
    improvement_suggestion: judgment.improvementSuggestion.trim(),
  });
  return conversation(input.problem, prompt, target);
}

/** Steps trimmed (never dropped: indices must keep pointing at the same steps); null if none has text. */
function cleanSteps(steps: readonly string[]): string[] | null {
  const trimmed = steps.map((s) => s.trim());
  return trimmed.some((s) => s !== '') ? trimmed : null;
}

/** "The answer to this problem is X." — null without an answer; a trailing "." is not doubled. */
export function answerSentence(finalAnswer: string | null): string | null {
  const answer = (finalAnswer ?? '').trim().replace(/\.$/, '').trim();
  return answer === '' ? null : `The answer to this problem is ${answer}.`;
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

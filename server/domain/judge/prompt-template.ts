/**
 * The ORM feedback prompt (issue 7): what `redline judge` asks an outcome reward model about one
 * solution. Written in the spirit of MathSE's feedback prompt (arXiv 2511.06805): judge a
 * step-by-step solution to a (possibly multimodal) math problem and answer with one JSON object
 * {"status", "error_step", "error_analysis", "improvement_suggestion"}. The problem's images travel
 * beside this text as image parts, in the problem's order (request-builder.ts).
 *
 * Override it with `redline judge --prompt-file FILE` or the ORM page's prompt box.
 * Placeholders (exactly these names, in double braces; other brace text such as LaTeX's
 * `\frac{a}{b}` stays as written):
 *   {{question}}      the problem's question (text with LaTeX)
 *   {{steps}}         the solution, one "Step N: …" line per step, N 1-based
 *   {{final_answer}}  the solution's final answer ("(none)" when it has none)
 *   {{answer}}        the problem's gold answer ("(not given)" when there is none)
 * {{question}} and {{steps}} are required. Values are inserted in one pass: text inside a value
 * is never expanded again.
 */
export const DEFAULT_PROMPT_TEMPLATE = `You are an expert mathematics teacher who checks students' solutions step by step.

Below is a math problem (any figures referred to are attached as images) and a step-by-step solution written by a model. Decide whether the solution is correct. A solution is CORRECT only if every step is mathematically valid, it reads the figure correctly, and its final answer is right. Otherwise it is WRONG.

If it is WRONG, find the FIRST step that contains an error, explain precisely what is wrong in that step (misreading the figure, misunderstanding the question, a wrong theorem or formula, a calculation slip, faulty reasoning, …), and suggest how to fix it.

## Problem
{{question}}

## Reference answer
{{answer}}

## Solution
{{steps}}

## Final answer of the solution
{{final_answer}}

## Your reply
Reply with a single JSON object and nothing else, in exactly this form:
{"status": "CORRECT" or "WRONG", "error_step": "Step N" (the first wrong step; "" when CORRECT), "error_analysis": "why that step is wrong" ("" when CORRECT), "improvement_suggestion": "how to correct it" ("" when CORRECT)}`;

export const PROMPT_PLACEHOLDERS = ['question', 'steps', 'final_answer', 'answer'] as const;
export type PromptPlaceholder = (typeof PROMPT_PLACEHOLDERS)[number];

const REQUIRED: readonly PromptPlaceholder[] = ['question', 'steps'];
const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** What a solution contributes to the prompt. Steps are in order; their numbers are 1-based. */
export interface PromptInput {
  question: string;
  steps: readonly string[];
  finalAnswer: string | null;
  /** The problem's gold answer, if any. */
  answer: string | null;
}

/** What is wrong with a user's template, in words a person can act on (empty = usable). */
export function checkPromptTemplate(template: string): string[] {
  const problems = REQUIRED.filter((name) => !new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(template)).map(
    (name) => `the prompt template must contain {{${name}}}`,
  );
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!(PROMPT_PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push(`the prompt template names an unknown placeholder {{${name}}}; known: ${PROMPT_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`);
    }
  }
  return problems;
}

/** "Step 1: …" lines, 1-based, as the ORM will cite them back. */
export function numberSteps(steps: readonly string[]): string {
  return steps.map((step, i) => `Step ${i + 1}: ${step.trim()}`).join('\n');
}

export function renderPrompt(template: string, input: PromptInput): string {
  const values: Record<PromptPlaceholder, string> = {
    question: input.question.trim(),
    steps: numberSteps(input.steps),
    final_answer: input.finalAnswer?.trim() ? input.finalAnswer.trim() : '(none)',
    answer: input.answer?.trim() ? input.answer.trim() : '(not given)',
  };
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as PromptPlaceholder] : whole,
  );
}

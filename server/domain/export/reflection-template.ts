/**
 * The reflection prompt (SPEC §5, kind `reflection`): what the model is shown before it writes
 * the corrected solution. Override it with `redline export --reflection-template FILE`.
 *
 * Placeholders (exactly these names, in braces; any other brace text stays as written, so
 * LaTeX such as `\frac{a}{b}` is safe):
 *   {question}                the problem's question
 *   {solution}                the wrong solution, one "Step N: …" paragraph per step (1-based)
 *   {error_step}              "Step N", 1-based, from the final judgment's 0-based index
 *   {error_analysis}          the final judgment's error analysis
 *   {improvement_suggestion}  the final judgment's improvement suggestion
 * A template line holding a placeholder whose value is empty is dropped whole, so
 * "Improvement Suggestion: {improvement_suggestion}" disappears when there is none.
 * Values are inserted in one pass: text inside a value is never expanded again.
 */
export const DEFAULT_REFLECTION_TEMPLATE = `{question}

Here is a step-by-step solution to this problem:

{solution}

This solution contains an error.
Error Step: {error_step}
Error Analysis: {error_analysis}
Improvement Suggestion: {improvement_suggestion}

Reflect on the error above, then write a corrected, complete step-by-step solution.`;

export const REFLECTION_PLACEHOLDERS = [
  'question',
  'solution',
  'error_step',
  'error_analysis',
  'improvement_suggestion',
] as const;
export type ReflectionPlaceholder = (typeof REFLECTION_PLACEHOLDERS)[number];
export type ReflectionValues = Record<ReflectionPlaceholder, string>;

/** Without these the record would not show what is to be corrected. */
const REQUIRED: readonly ReflectionPlaceholder[] = ['question', 'solution'];
const PLACEHOLDER = new RegExp(`\\{(${REFLECTION_PLACEHOLDERS.join('|')})\\}`, 'g');

/** What is wrong with a user's template, in words a person can act on (empty = usable). */
export function checkReflectionTemplate(template: string): string[] {
  return REQUIRED.filter((name) => !template.includes(`{${name}}`)).map(
    (name) => `the reflection template must contain {${name}}`,
  );
}

export function fillReflectionTemplate(template: string, values: ReflectionValues): string {
  const kept = compiled(template).filter((line) => line.names.every((name) => values[name].trim() !== ''));
  return kept
    .map((line) => line.text)
    .join('\n')
    .replace(PLACEHOLDER, (_whole, name: string) => values[name as ReflectionPlaceholder])
    .trim();
}

interface TemplateLine {
  text: string;
  names: ReflectionPlaceholder[];
}

/** A template's lines and the placeholders each holds, worked out once per template (an export fills it per record). */
const compiledTemplates = new Map<string, TemplateLine[]>();

function compiled(template: string): TemplateLine[] {
  let lines = compiledTemplates.get(template);
  if (!lines) {
    lines = template.replace(/\r\n?/g, '\n').split('\n').map((text) => ({
      text,
      names: [...text.matchAll(PLACEHOLDER)].map((match) => match[1] as ReflectionPlaceholder),
    }));
    if (compiledTemplates.size >= 16) compiledTemplates.clear();
    compiledTemplates.set(template, lines);
  }
  return lines;
}

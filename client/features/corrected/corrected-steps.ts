/**
 * The list operations behind the corrected-solution editor. Pure; indices are 0-based.
 * A corrected solution is `string[] | null` (null: the annotator wrote none).
 */

/**
 * How many leading steps are kept from the model and shown read-only: those before the first
 * wrong step, but only while they still equal the model's (a step edited earlier, when the
 * first wrong step was set elsewhere, stays editable rather than hidden behind "kept").
 * A correct verdict (`firstErrorStep` null) keeps nothing.
 */
export function keptStepCount(original: readonly string[], corrected: readonly string[], firstErrorStep: number | null): number {
  const limit = Math.min(firstErrorStep ?? 0, original.length, corrected.length);
  let kept = 0;
  while (kept < limit && corrected[kept] === original[kept]) kept += 1;
  return kept;
}

/** A copy of the model's steps to edit; a solution without steps starts with one empty step. */
export const startCorrection = (original: readonly string[]): string[] => (original.length > 0 ? [...original] : ['']);

export const replaceStep = (steps: readonly string[], index: number, text: string): string[] =>
  steps.map((step, i) => (i === index ? text : step));

export const removeStep = (steps: readonly string[], index: number): string[] => steps.filter((_, i) => i !== index);

export const addStep = (steps: readonly string[]): string[] => [...steps, ''];

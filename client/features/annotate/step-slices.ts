/**
 * Typesetting LaTeX is the expensive part of showing a long solution. A solution of ordinary
 * size is typeset in one go (fastest to the complete picture); a very long one gets its first
 * screenful before the first paint and the rest in a few larger slices, one task each, so the
 * page shows early and key presses are handled between slices. Pure; sizes in characters.
 */
const ALL_AT_ONCE_CHARS = 20_000;
const FIRST_SLICE_CHARS = 2500;
const LATER_SLICE_CHARS = 8000;

/** Where the slice that starts at step `from` ends (exclusive). */
export function sliceEnd(steps: readonly string[], from: number): number {
  if (from === 0 && steps.reduce((sum, text) => sum + text.length, 0) <= ALL_AT_ONCE_CHARS) return steps.length;
  const first = from === 0;
  const budget = first ? FIRST_SLICE_CHARS : LATER_SLICE_CHARS;
  const least = first ? 3 : 1;
  const most = first ? 12 : 30;
  let chars = 0;
  let end = from;
  while (end < steps.length && end - from < most && (end - from < least || chars <= budget)) {
    chars += steps[end]?.length ?? 0;
    end += 1;
  }
  return end;
}

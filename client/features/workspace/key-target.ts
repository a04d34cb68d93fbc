/**
 * Where a key press happened, decided from the event's composed path (so a MathLive
 * `<math-field>` counts even when the key reaches us retargeted from its shadow root).
 * DOM-free: it reads only tagName, type and isContentEditable, so node tests can feed plain objects.
 */
export interface PathNode {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

/** Inputs where a key press selects or toggles rather than types. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'range', 'color', 'file']);

export type KeyTarget =
  /** Text goes in here: shortcuts stay quiet (except the few that work everywhere). */
  | 'typing'
  /** A radio, checkbox or range: letters are ours, arrow keys belong to the control. */
  | 'control'
  | 'page';

export function keyTargetOf(path: readonly PathNode[]): KeyTarget {
  let control = false;
  for (const node of path) {
    const tag = node.tagName?.toUpperCase();
    if (!tag) continue;
    if (tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'MATH-FIELD' || node.isContentEditable) return 'typing';
    if (tag === 'INPUT') {
      if (!NON_TEXT_INPUTS.has((node.type ?? 'text').toLowerCase())) return 'typing';
      control = true;
    }
  }
  return control ? 'control' : 'page';
}

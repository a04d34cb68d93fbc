import type { MathfieldElement } from 'mathlive';

/**
 * MathLive's editor (`<math-field>`) is large, so it is loaded on the first "Insert formula",
 * not with the page. Loading it registers the custom element; this module then configures it
 * once, before any field exists:
 * - fonts: `main.tsx` imports `mathlive/static.css`, which bundles the KaTeX fonts and sets
 *   `--ML__static-fonts`; `fontsDirectory = null` makes sure MathLive never fetches fonts from
 *   a guessed `./fonts` folder as well (those would be 404s in the built app);
 * - sounds off: no `soundsDirectory`, no keypress or "plonk" sounds, so no sound requests;
 * - links inert: `\href` in a formula being edited must not open anything (SPEC §9).
 */
export type MathfieldConstructor = typeof MathfieldElement;

let loading: Promise<MathfieldConstructor> | null = null;

export function loadMathfield(): Promise<MathfieldConstructor> {
  loading ??= import('mathlive').then(({ MathfieldElement }) => {
    MathfieldElement.fontsDirectory = null;
    MathfieldElement.soundsDirectory = null;
    MathfieldElement.keypressSound = null;
    MathfieldElement.plonkSound = null;
    MathfieldElement.openUrl = () => {};
    return MathfieldElement;
  });
  // A failed load (offline after a deploy) may be retried on the next open.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/**
 * A configured `<math-field>` for one formula. Created imperatively (not as JSX) so React never
 * owns its attributes and the element never reaches the store: callers read `.value` (LaTeX).
 */
export function createFormulaField(Mathfield: MathfieldConstructor, label: string): MathfieldElement {
  const field = new Mathfield();
  field.setAttribute('aria-label', label);
  // The virtual keyboard only when asked for (its toggle button stays available).
  field.mathVirtualKeyboardPolicy = 'manual';
  field.classList.add('mte-field');
  return field;
}

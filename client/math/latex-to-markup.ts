import { convertLatexToMarkup } from 'mathlive/ssr';
import { neutraliseLatex } from './neutralise-latex';

/**
 * Untrusted LaTeX → MathLive's HTML markup, with dangerous commands neutralised first.
 * DOM-free (MathLive's server-side entry point), so node tests can check the real output.
 * Returns null when MathLive cannot lay the formula out; callers then show the source as text.
 * The markup must still go through sanitise-markup.ts before it reaches the page.
 */
export function latexToMarkup(latex: string, display: boolean): string | null {
  try {
    return convertLatexToMarkup(neutraliseLatex(latex), {
      defaultMode: display ? 'math' : 'inline-math',
    });
  } catch {
    return null;
  }
}

import { latexToMarkup } from './latex-to-markup';
import { sanitisedMathTemplate } from './sanitise-markup';

/**
 * Rendered, sanitised formulas by (display, LaTeX). Steps repeat formulas and React re-renders
 * often; parsing each formula once keeps scrolling through long solutions cheap.
 */
const cache = new Map<string, HTMLTemplateElement | null>();
const CACHE_LIMIT = 2000;

/**
 * The formula's safe nodes in an inert template, or null when MathLive cannot render it.
 * Shared and cached: clone `content` before inserting it, never modify it.
 */
export function renderMath(latex: string, display: boolean): HTMLTemplateElement | null {
  const key = `${display ? 'D' : 'I'}${latex}`;
  let template = cache.get(key);
  if (template === undefined) {
    const markup = latexToMarkup(latex, display);
    template = markup === null ? null : sanitisedMathTemplate(markup);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, template);
  }
  return template;
}

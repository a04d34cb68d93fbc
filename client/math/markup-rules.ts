/**
 * What may survive in MathLive's HTML after rendering: the allowlists the DOM sanitiser
 * (sanitise-markup.ts) applies. Pure, so it is unit-tested in node. This is the second line of
 * defence; neutralise-latex.ts is the first. MathLive's static markup only needs spans, a few
 * SVG shapes, its own classes and inline layout styles.
 */

export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  'span', 'svg', 'g', 'path', 'line', 'rect', 'circle', 'ellipse', 'polyline', 'polygon',
]);

/** Lower-cased attribute names; SVG's camelCase ones (viewBox) are compared lower-cased too. */
const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'class', 'style', 'aria-hidden', 'role',
  'viewbox', 'preserveaspectratio', 'width', 'height', 'd', 'fill', 'stroke', 'stroke-width',
  'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'vector-effect', 'transform',
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'points',
]);

/** MathLive's own class names (from mathlive-static.css); anything else came from input. */
const MATHLIVE_CLASS =
  /^(ML__[A-Za-z0-9_-]+|col-align-[lcmr]|delim-size[1-4]|[lu]cGreek|(over|under)line(-line)?|slice-[1-3]-of-[1-3]|style-wrap)$/;

/** CSS values that could fetch, run script, or escape our checks through CSS escapes. */
const UNSAFE_CSS_VALUE = /url\s*\(|image(-set)?\s*\(|cross-fade\s*\(|element\s*\(|expression\s*\(|paint\s*\(|javascript:|@import|\\|[<>]/i;

/** Properties that take resources, run bindings, or generate content. */
const UNSAFE_CSS_PROPERTIES: ReadonlySet<string> = new Set([
  'behavior', '-moz-binding', 'content', 'cursor', 'src',
  'background-image', 'border-image', 'border-image-source', 'list-style-image',
  'mask', 'mask-image', '-webkit-mask', '-webkit-mask-image', 'shape-outside',
]);

/** Fixed or sticky boxes could cover our own UI; MathLive only positions inside its markup. */
const ALLOWED_POSITIONS: ReadonlySet<string> = new Set(['absolute', 'relative', 'static']);

/** Keeps the safe declarations of an inline style; null when none is left. */
export function sanitiseStyle(style: string): string | null {
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!/^-{0,2}[a-z][a-z0-9-]*$/.test(property) || value === '') continue;
    if (UNSAFE_CSS_PROPERTIES.has(property) || UNSAFE_CSS_VALUE.test(value)) continue;
    if (property === 'position' && !ALLOWED_POSITIONS.has(value.toLowerCase())) continue;
    kept.push(`${property}:${value}`);
  }
  return kept.length > 0 ? kept.join(';') : null;
}

/** Keeps MathLive's class names only; null when none is left. */
export function sanitiseClassList(classes: string): string | null {
  const kept = classes.split(/\s+/).filter((c) => MATHLIVE_CLASS.test(c));
  return kept.length > 0 ? kept.join(' ') : null;
}

/** Strips whitespace and control characters, as URL parsers do before reading a scheme. */
const looksLikeScript = (value: string) =>
  // eslint-disable-next-line no-control-regex
  /(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));

/**
 * The value to keep for an attribute, or null to remove it. Event handlers, links, ids and
 * data attributes are never allowed (they are not on the list).
 */
export function sanitiseAttribute(name: string, value: string): string | null {
  const lower = name.toLowerCase();
  if (!ALLOWED_ATTRIBUTES.has(lower)) return null;
  if (looksLikeScript(value)) return null;
  if (lower === 'style') return sanitiseStyle(value);
  if (lower === 'class') return sanitiseClassList(value);
  return value;
}

export function isAllowedElement(localName: string): boolean {
  return ALLOWED_ELEMENTS.has(localName.toLowerCase());
}

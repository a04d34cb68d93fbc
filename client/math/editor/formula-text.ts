import { segmentMath } from '../segment-math';

/**
 * Where the formulas are in text with LaTeX, and how to put one in at a cursor. Pure: no DOM, no
 * MathLive. Offsets are UTF-16 indices into the text, as `textarea.selectionStart` gives them.
 *
 * The formulas are exactly the ones MathText renders: the spans come from `segmentMath` (one
 * parser for reading and for editing), mapped back onto the source text.
 */

export interface FormulaSpan {
  /** Offset of the opening delimiter. */
  start: number;
  /** Offset just after the closing delimiter. */
  end: number;
  latex: string;
  display: boolean;
}

const OPENERS: Record<'inline' | 'display', readonly [string, string][]> = {
  inline: [['$', '$'], ['\\(', '\\)']],
  display: [['$$', '$$'], ['\\[', '\\]']],
};

export function locateFormulas(text: string): FormulaSpan[] {
  const spans: FormulaSpan[] = [];
  let pos = 0;
  for (const segment of segmentMath(text)) {
    if (segment.kind === 'text') {
      // segmentMath drops the backslash of `\$` in prose; everything else is copied as written.
      for (const ch of segment.text) {
        pos += text[pos] !== ch && ch === '$' && text.startsWith('\\$', pos) ? 2 : ch.length;
      }
      continue;
    }
    const pairs = OPENERS[segment.display ? 'display' : 'inline'];
    const pair = pairs.find(([open, close]) => text.startsWith(open + segment.latex + close, pos));
    if (!pair) throw new Error(`formula not found at offset ${pos}`); // segmentMath changed its rules
    const end = pos + pair[0].length + segment.latex.length + pair[1].length;
    spans.push({ start: pos, end, latex: segment.latex, display: segment.display });
    pos = end;
  }
  return spans;
}

/**
 * The formula a cursor (or a selection) is in: strictly after its first character and before its
 * last, so a cursor just outside `$x$` is not in it. A selection must lie within one formula.
 */
export function formulaAt(text: string, selectionStart: number, selectionEnd = selectionStart): FormulaSpan | null {
  return (
    locateFormulas(text).find((span) => span.start < selectionStart && selectionEnd < span.end) ?? null
  );
}

/** `style: 'dollar'` writes `$…$` / `$$…$$`; `'bracket'` writes `\(…\)` / `\[…\]`. */
export function delimit(latex: string, display: boolean, style: 'dollar' | 'bracket' = 'dollar'): string {
  if (style === 'bracket') return display ? `\\[${latex}\\]` : `\\(${latex}\\)`;
  return display ? `$$${latex}$$` : `$${latex}$`;
}

const PADDINGS = [['', ''], ['', ' '], [' ', ''], [' ', ' ']] as const;

export interface FormulaInsertion {
  /** Replace text[start, end) by `insert`. */
  start: number;
  end: number;
  insert: string;
  /** The whole text afterwards. */
  text: string;
  /** Where the cursor goes: just after the closing delimiter. */
  caret: number;
}

/**
 * Puts `latex` as a formula in place of text[start, end) (a cursor when start === end).
 * A space is added next to a neighbouring `$`, and before or after when the neighbours would
 * stop the formula from reading as one — `\` before `$` escapes it; a digit after `$` makes it a currency sign — so the result
 * renders the inserted formula. When no padding helps (a stray `$$` elsewhere would pair with
 * ours), `\(…\)` / `\[…\]` are used instead. Returns null for an empty formula.
 */
export function planFormulaInsertion(
  text: string,
  start: number,
  end: number,
  latex: string,
  display: boolean,
): FormulaInsertion | null {
  const trimmed = latex.trim();
  if (trimmed === '') return null;
  const before = text.slice(0, start);
  const after = text.slice(end);
  // Next to another `$`, a space always: `$a$$b$` reads as display math to other renderers.
  const spaceBefore = before.endsWith('$') ? ' ' : '';
  const spaceAfter = after.startsWith('$') ? ' ' : '';
  const paddings = PADDINGS.map(([b, a]) => [b || spaceBefore, a || spaceAfter] as const);
  for (const style of ['dollar', 'bracket'] as const) {
    const formula = delimit(trimmed, display, style);
    for (const [padBefore, padAfter] of paddings) {
      const insert = padBefore + formula + padAfter;
      const next = before + insert + after;
      const at = start + padBefore.length;
      const found = locateFormulas(next).some((s) => s.start === at && s.latex === trimmed && s.display === display);
      if (found) return { start, end, insert, text: next, caret: at + formula.length };
    }
  }
  // Only for odd text (the range splits an escape pair, or the LaTeX has an unescaped `$`):
  // insert it as given rather than lose it.
  const formula = delimit(trimmed, display);
  return { start, end, insert: formula, text: before + formula + after, caret: start + formula.length };
}

/**
 * Splits text that mixes prose and LaTeX (SPEC §2: inline `$…$`, `\(…\)`, display `$$…$$`,
 * `\[…\]`) into segments. Pure: no DOM, no MathLive — the renderer decides what to do with them.
 *
 * Rules:
 * - `\$` outside math is a literal dollar (the backslash is dropped).
 * - A delimiter that is never closed stays text, exactly as written.
 * - Single `$` is guarded against currency ("costs $5 and $10"), as pandoc does: the opening
 *   `$` must not be followed by whitespace; the next unescaped `$` closes it only when it is not
 *   preceded by whitespace nor followed by a digit — otherwise the opener was a dollar sign.
 *   `$$`, `\(` and `\[` have no such guard.
 * - Inside math, `\x` pairs are skipped while looking for the closer, so `$a\$b$` is one formula.
 */

export type MathSegment =
  | { kind: 'text'; text: string }
  | { kind: 'math'; latex: string; display: boolean };

interface Opener {
  open: string;
  close: string;
  display: boolean;
}

const BACKSLASH_OPENERS: Record<string, Opener> = {
  '\\(': { open: '\\(', close: '\\)', display: false },
  '\\[': { open: '\\[', close: '\\]', display: true },
};

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** Index of the closer for math starting at `from`, or -1. Skips `\x` pairs. */
function findCloser(s: string, from: number, opener: Opener): number {
  let i = from;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\\') {
      if (s.startsWith(opener.close, i)) return i;
      i += 2;
      continue;
    }
    if (opener.close === '$$' && s.startsWith('$$', i)) return i;
    if (opener.close === '$' && ch === '$') {
      // The first unescaped dollar decides: a valid closer, or the opener was currency.
      return !isSpace(s[i - 1]) && !isDigit(s[i + 1]) ? i : -1;
    }
    i += 1;
  }
  return -1;
}

/** The opener starting at `i`, if any. */
function openerAt(s: string, i: number): Opener | null {
  const ch = s[i];
  if (ch === '\\') return BACKSLASH_OPENERS[s.slice(i, i + 2)] ?? null;
  if (ch !== '$') return null;
  if (s[i + 1] === '$') return { open: '$$', close: '$$', display: true };
  if (isSpace(s[i + 1]) || s[i + 1] === undefined) return null;
  return { open: '$', close: '$', display: false };
}

export function segmentMath(input: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let text = '';
  const flushText = () => {
    if (text) segments.push({ kind: 'text', text });
    text = '';
  };

  // A `$$`, `\)` or `\]` missing after position p is missing after any later position too:
  // remember the failures so text with many unmatched openers stays linear. (A single `$`
  // search stops at the next dollar, so it needs no memo.)
  const missingFrom = new Map<string, number>();
  const closerFor = (opener: Opener, start: number) => {
    if (opener.close === '$') return findCloser(input, start, opener);
    const failed = missingFrom.get(opener.close);
    if (failed !== undefined && start >= failed) return -1;
    const end = findCloser(input, start, opener);
    if (end < 0) missingFrom.set(opener.close, start);
    return end;
  };

  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === '\\' && input[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    const opener = openerAt(input, i);
    if (opener) {
      const start = i + opener.open.length;
      const end = closerFor(opener, start);
      if (end >= 0 && end > start) {
        flushText();
        segments.push({ kind: 'math', latex: input.slice(start, end), display: opener.display });
        i = end + opener.close.length;
        continue;
      }
      // Unclosed (or empty, like "$$" alone): keep the delimiter as text and move on.
      text += opener.open;
      i += opener.open.length;
      continue;
    }
    if (ch === '\\') {
      // Keep any other escape pair together so `\\(` is not read as an opener.
      text += input.slice(i, i + 2);
      i += 2;
      continue;
    }
    text += ch;
    i += 1;
  }
  flushText();
  return segments;
}

/** TeX-looking characters: a backslash command, a super/subscript, or a brace group. */
const LOOKS_LIKE_LATEX = /\\[A-Za-z]|[\^_{}]/;

/**
 * For fields that hold a bare formula (final answers such as `50^\circ`): text without any
 * delimiter that looks like LaTeX is one inline formula; anything else segments as usual.
 */
export function segmentFormulaOrText(input: string): MathSegment[] {
  const segments = segmentMath(input);
  const onlyText = segments.every((s) => s.kind === 'text');
  if (onlyText && input.trim() !== '' && LOOKS_LIKE_LATEX.test(input) && !input.includes('$')) {
    return [{ kind: 'math', latex: input.trim(), display: false }];
  }
  return segments;
}

/**
 * Makes untrusted LaTeX inert before MathLive sees it (SPEC §9): commands that could link,
 * fetch, define macros or put attributes/styles into the HTML are replaced by plain content.
 * Pure string work, no DOM — unit-tested in node, and checked against MathLive's own renderer.
 *
 * The output never contains a listed command as a token: commands are read the way MathLive's
 * tokenizer reads them (`\` + letters and `*`), every replacement is wrapped in braces so it
 * cannot fuse with what follows, and kept arguments are neutralised recursively.
 * What a reader sees instead:
 * - `\href{url}{text}`, `\class{c}{x}`, `\htmlStyle{s}{x}`, … → just the content (`text`, `x`);
 * - `\mathtip{x}{tip}`, `\texttip{x}{tip}` → `x`;
 * - `\url{u}` → the address as literal characters; `\includegraphics[…]{f}` → "[image]";
 * - anything else listed (`\html`, `\def`, `\csname`, …) → its name shown as text, `\html`.
 */

type Rule =
  /** Drop the command and its `args` arguments, keep argument `keep` (0-based). */
  | { kind: 'keep'; args: number; keep: number; optional?: boolean }
  /** Drop the command and its argument, show the argument as literal text. */
  | { kind: 'as-text' }
  /** Drop the command and its arguments, show a fixed placeholder. */
  | { kind: 'replace'; args: number; optional?: boolean; text: string }
  /** Show the command's name as text; its arguments stay and render as ordinary math. */
  | { kind: 'literal' };

const KEEP_SECOND: Rule = { kind: 'keep', args: 2, keep: 1 };
const KEEP_FIRST: Rule = { kind: 'keep', args: 2, keep: 0 };
const LITERAL: Rule = { kind: 'literal' };

/** Keyed by command name without the backslash and without `*`. */
const RULES: Record<string, Rule> = {
  // Links and tooltips (MathLive renders \href as an href attribute).
  href: KEEP_SECOND,
  hyperlink: KEEP_SECOND,
  hypertarget: KEEP_SECOND,
  hyperref: { kind: 'keep', args: 1, keep: 0, optional: true },
  url: { kind: 'as-text' },
  nolinkurl: { kind: 'as-text' },
  mathtip: KEEP_FIRST,
  texttip: KEEP_FIRST,
  tooltip: KEEP_FIRST,
  // Attributes and styles put into the HTML.
  class: KEEP_SECOND,
  htmlClass: KEEP_SECOND,
  cssId: KEEP_SECOND,
  htmlId: KEEP_SECOND,
  htmlData: KEEP_SECOND,
  style: KEEP_SECOND,
  htmlStyle: KEEP_SECOND,
  // Fetching.
  includegraphics: { kind: 'replace', args: 1, optional: true, text: '[image]' },
  // Raw HTML, files, macro definitions and token building (a macro could assemble `\href`).
  ...Object.fromEntries(
    [
      'html', 'data', 'htmlAttr', 'input', 'include', 'write', 'special', 'openin', 'read',
      'immediate', 'def', 'gdef', 'edef', 'xdef', 'let', 'futurelet', 'newcommand',
      'renewcommand', 'providecommand', 'DeclareMathOperator', 'newenvironment',
      'renewenvironment', 'csname', 'endcsname', 'expandafter', 'string', 'catcode', 'require',
    ].map((name) => [name, LITERAL]),
  ),
};

/** Characters that mean something to TeX, written so they print as themselves in any mode. */
const SPECIAL = new Set(['\\', '{', '}', '$', '&', '#', '^', '_', '~', '%', '[', ']']);

/** Literal text that renders as itself in math and text mode alike. */
export function escapeLatexText(text: string): string {
  let out = '';
  for (const ch of text) {
    out += SPECIAL.has(ch) ? `{\\char"${ch.codePointAt(0)!.toString(16).toUpperCase()}}` : ch;
  }
  return `{${out}}`;
}

interface Cursor {
  s: string;
  i: number;
}

function skipSpaces(c: Cursor): void {
  while (c.i < c.s.length && /\s/.test(c.s[c.i]!)) c.i += 1;
}

/** Reads a balanced group starting at c.i (which holds `open`); returns its inside. */
function readGroup(c: Cursor, open: string, close: string): string {
  let depth = 0;
  const start = c.i + 1;
  while (c.i < c.s.length) {
    const ch = c.s[c.i]!;
    if (ch === '\\') {
      c.i += 2;
      continue;
    }
    if (ch === open) depth += 1;
    if (ch === close) {
      depth -= 1;
      if (depth === 0) {
        c.i += 1;
        return c.s.slice(start, c.i - 1);
      }
    }
    c.i += 1;
  }
  return c.s.slice(start); // unbalanced: the rest of the input is the argument
}

/** A TeX argument: a `{…}` group, or a single token (a command or one character). */
function readArgument(c: Cursor): string {
  skipSpaces(c);
  if (c.i >= c.s.length) return '';
  if (c.s[c.i] === '{') return readGroup(c, '{', '}');
  if (c.s[c.i] === '\\') {
    const m = /^\\([A-Za-z*]+|.?)/s.exec(c.s.slice(c.i))!;
    c.i += m[0].length;
    return m[0];
  }
  const ch = String.fromCodePoint(c.s.codePointAt(c.i)!);
  c.i += ch.length;
  return ch;
}

function skipOptionalArguments(c: Cursor): void {
  for (;;) {
    const save = c.i;
    skipSpaces(c);
    if (c.s[c.i] !== '[') {
      c.i = save;
      return;
    }
    readGroup(c, '[', ']');
  }
}

function apply(rule: Rule, name: string, c: Cursor): string {
  switch (rule.kind) {
    case 'literal':
      return escapeLatexText(`\\${name}`);
    case 'as-text':
      return escapeLatexText(readArgument(c));
    case 'replace':
    case 'keep': {
      if (rule.optional) skipOptionalArguments(c);
      const args: string[] = [];
      for (let k = 0; k < rule.args; k += 1) args.push(readArgument(c));
      if (rule.kind === 'replace') return escapeLatexText(rule.text);
      return `{${neutraliseLatex(args[rule.keep] ?? '')}}`;
    }
  }
}

/** A control word as MathLive's tokenizer reads it: a backslash, then letters and stars. */
const CONTROL_WORD = /\\([A-Za-z*]+)/y;

export function neutraliseLatex(latex: string): string {
  let out = '';
  const c: Cursor = { s: latex, i: 0 };
  while (c.i < latex.length) {
    const ch = latex[c.i]!;
    if (ch === '^' && latex[c.i + 1] === '^') {
      // TeX's ^^XX character escapes can spell a backslash; a double superscript is an error anyway.
      out += '^{}';
      c.i += 1;
      continue;
    }
    if (ch !== '\\') {
      out += ch;
      c.i += 1;
      continue;
    }
    CONTROL_WORD.lastIndex = c.i;
    const word = CONTROL_WORD.exec(latex);
    if (!word) {
      out += latex.slice(c.i, c.i + 2); // a control symbol such as \\ or \{
      c.i += 2;
      continue;
    }
    const name = word[1]!;
    c.i += word[0].length;
    const rule = RULES[name.replaceAll('*', '')];
    out += rule ? apply(rule, name, c) : word[0];
  }
  return out;
}

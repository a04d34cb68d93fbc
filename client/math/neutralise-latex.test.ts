import { describe, expect, it } from 'vitest';
import { escapeLatexText, neutraliseLatex } from './neutralise-latex';

/** Control words of the output, read the way MathLive's tokenizer reads them. */
const commands = (latex: string) =>
  [...latex.matchAll(/\\([A-Za-z*]+|.)/gs)].map((m) => m[1]!).filter((c) => /^[A-Za-z*]+$/.test(c));
const BACKSLASH = '{\\char"5C}';

describe('neutraliseLatex', () => {
  it('leaves ordinary math alone', () => {
    const latex = '\\frac{a}{b} + \\sqrt[3]{x} = 40^\\circ \\quad \\text{cm}\\\\ \\{x\\}';
    expect(neutraliseLatex(latex)).toBe(latex);
  });

  it('keeps only the text of a link', () => {
    expect(neutraliseLatex('\\href{https://evil.example}{click}')).toBe('{click}');
    expect(neutraliseLatex('a\\href {javascript:alert(1)} {b}c')).toBe('a{b}c');
    expect(neutraliseLatex('\\href x y')).toBe('{y}');
  });

  it('keeps only the content of attribute and style commands', () => {
    for (const name of ['class', 'htmlClass', 'cssId', 'htmlId', 'htmlData', 'style', 'htmlStyle']) {
      expect(neutraliseLatex(`\\${name}{evil}{x^2}`)).toBe('{x^2}');
    }
  });

  it('keeps the body of a tooltip and drops the tip', () => {
    expect(neutraliseLatex('\\mathtip{x}{\\href{u}{tip}}')).toBe('{x}');
    expect(neutraliseLatex('\\texttip{y}{tip}')).toBe('{y}');
  });

  it('neutralises nested commands inside kept content', () => {
    const out = neutraliseLatex('\\href{a}{\\htmlStyle{color:red}{\\href{b}{deep}}}');
    expect(out).toBe('{{{deep}}}');
  });

  it('shows a url as literal characters', () => {
    const out = neutraliseLatex('\\url{https://e.example/a_b%20#x}');
    expect(commands(out).every((c) => c === 'char')).toBe(true);
    expect(out).toContain('https://e.example/a{\\char"5F}b{\\char"25}20{\\char"23}x');
  });

  it('replaces images with a placeholder', () => {
    expect(neutraliseLatex('\\includegraphics[width=3cm]{/etc/passwd}')).toBe(escapeLatexText('[image]'));
  });

  it('shows raw-HTML and macro commands as their names', () => {
    expect(neutraliseLatex('\\html{<b>}')).toBe(`{${BACKSLASH}html}{<b>}`);
    expect(neutraliseLatex('\\def\\x{\\hr}')).toBe(`{${BACKSLASH}def}\\x{\\hr}`);
    expect(neutraliseLatex('\\csname href\\endcsname{a}{b}')).toBe(`{${BACKSLASH}csname} href{${BACKSLASH}endcsname}{a}{b}`);
    expect(neutraliseLatex('\\newcommand{\\mk}[1]{\\hr#1}')).toContain(`{${BACKSLASH}newcommand}`);
  });

  it('reads starred and unterminated forms', () => {
    expect(neutraliseLatex('\\href*{u}{t}')).toBe('{t}');
    expect(neutraliseLatex('\\href{u')).toBe('{}');
    expect(neutraliseLatex('x\\href')).toBe('x{}');
    expect(neutraliseLatex('\\')).toBe('\\');
  });

  it('does not let a replacement fuse with the next letters', () => {
    // `\h` + `{ref}` must not become `\href`.
    expect(neutraliseLatex('\\h\\href{a}{ref}')).toBe('\\h{ref}');
  });

  it('breaks ^^ character escapes', () => {
    expect(neutraliseLatex('^^5chref{a}{b}')).toBe('^{}^5chref{a}{b}');
  });

  it('keeps control symbols and escaped braces intact', () => {
    expect(neutraliseLatex('\\\\href')).toBe('\\\\href');
    expect(neutraliseLatex('\\{\\href{a}{b}\\}')).toBe('\\{{b}\\}');
  });

  it('never outputs a dangerous command, whatever the input', () => {
    const dangerous = new Set(['href', 'url', 'class', 'htmlClass', 'cssId', 'htmlId', 'htmlData', 'style',
      'htmlStyle', 'mathtip', 'texttip', 'includegraphics', 'html', 'data', 'def', 'newcommand', 'csname']);
    const parts = ['\\href', '\\url', '\\htmlData', '\\style', '\\def', '\\csname', '{', '}', '[', ']', ' ', 'x', '\\', '%', '\n', '^^'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n += 1) {
      let input = '';
      for (let k = 0; k < 12; k += 1) input += parts[Math.floor(random() * parts.length)];
      const out = neutraliseLatex(input);
      for (const c of commands(out)) expect(dangerous.has(c.replaceAll('*', '')), `${input} → ${out}`).toBe(false);
    }
  });
});

describe('escapeLatexText', () => {
  it('writes TeX specials as character codes, in braces', () => {
    expect(escapeLatexText('a\\b{c}$%')).toBe('{a{\\char"5C}b{\\char"7B}c{\\char"7D}{\\char"24}{\\char"25}}');
  });
});

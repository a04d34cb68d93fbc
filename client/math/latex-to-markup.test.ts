import { describe, expect, it } from 'vitest';
import { latexToMarkup } from './latex-to-markup';

// MathLive's real renderer (its DOM-free entry point) on neutralised input: what reaches the
// sanitiser is already free of links, data attributes, ids and input-chosen styles or classes.
const attacks = [
  '\\href{https://evil.example}{click}',
  '\\href{javascript:alert(1)}{x}',
  '\\htmlData{href=https://e.example,foo=bar}{x}',
  '\\htmlStyle{background:url(https://e.example/x)}{x}',
  '\\style{position:fixed;inset:0}{x}',
  '\\class{app-header}{x}',
  '\\cssId{root}{x}',
  '\\mathtip{a}{\\href{https://e.example}{b}}',
  '\\url{https://e.example}',
  '\\includegraphics{https://e.example/x.png}',
  '\\html{<img src=x onerror=alert(1)>}',
  '\\text{<script>alert(1)</script>}',
];

describe('latexToMarkup', () => {
  it('renders ordinary formulas', () => {
    const markup = latexToMarkup('\\frac{1}{2} + x^2', false);
    expect(markup).toContain('ML__mfrac');
  });

  it.each(attacks)('renders %s without links, data, ids or input styles', (latex) => {
    const markup = latexToMarkup(latex, false) ?? '';
    expect(markup).not.toMatch(/href|data-|\bid=|url\(|fixed|app-header|<img|<script|onerror/i);
  });

  it('shows the text of a link', () => {
    expect(latexToMarkup('\\href{https://e.example}{ab}', false)).toContain('>ab</span>');
  });

  it('emits no link, data or id attribute for random mixes of dangerous commands', () => {
    const parts = ['\\href', '\\htmlData', '\\cssId', '\\htmlStyle', '\\def', '\\csname', '\\endcsname', '{', '}', 'href=', 'x', ' ', '\\'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n += 1) {
      let input = '';
      for (let k = 0; k < 10; k += 1) input += parts[Math.floor(random() * parts.length)];
      const markup = latexToMarkup(input, false) ?? '';
      expect(markup, input).not.toMatch(/ href=|data-|\bid=|style="[^"]*url/);
    }
  });
});

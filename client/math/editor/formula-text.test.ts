import { describe, expect, it } from 'vitest';
import { formulaAt, locateFormulas, planFormulaInsertion } from './formula-text';

describe('locateFormulas', () => {
  it('finds every kind of delimiter with its source offsets', () => {
    const text = 'a $x$ b $$y$$ c \\(z\\) d \\[w\\]';
    const spans = locateFormulas(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['$x$', '$$y$$', '\\(z\\)', '\\[w\\]']);
    expect(spans.map((s) => [s.latex, s.display])).toEqual([
      ['x', false],
      ['y', true],
      ['z', false],
      ['w', true],
    ]);
  });

  it('keeps offsets right after escaped dollars, currency and astral characters', () => {
    const text = 'costs \\$5 and $5, 𝔸 then $\\frac{1}{2}$ and \\\\ $a\\$b$';
    const spans = locateFormulas(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['$\\frac{1}{2}$', '$a\\$b$']);
  });

  it('finds nothing in unclosed or currency-only text', () => {
    expect(locateFormulas('$5 and $10, $$ open')).toEqual([]);
  });
});

describe('formulaAt', () => {
  const text = 'so $x^2$ is $$\\sqrt{y}$$.';
  it('returns the formula a cursor is strictly inside', () => {
    expect(formulaAt(text, 5)?.latex).toBe('x^2');
    expect(formulaAt(text, 4)?.latex).toBe('x^2'); // just after the opening $
    expect(formulaAt(text, 14)?.latex).toBe('\\sqrt{y}');
  });
  it('returns null just outside a formula, and for a selection across formulas', () => {
    expect(formulaAt(text, 3)).toBeNull(); // before the opening $
    expect(formulaAt(text, 8)).toBeNull(); // after the closing $
    expect(formulaAt(text, 5, 15)).toBeNull();
  });
});

describe('planFormulaInsertion', () => {
  it('inserts inline math at a cursor and puts the caret after it', () => {
    const plan = planFormulaInsertion('area is  here', 8, 8, '\\frac{1}{2}', false);
    expect(plan?.text).toBe('area is $\\frac{1}{2}$ here');
    expect(plan?.caret).toBe(8 + '$\\frac{1}{2}$'.length);
    expect(plan?.insert).toBe('$\\frac{1}{2}$');
  });

  it('uses $$…$$ for display math and replaces a selection', () => {
    const plan = planFormulaInsertion('so x^2 is', 3, 6, 'x^2', true);
    expect(plan?.text).toBe('so $$x^2$$ is');
  });

  it('replaces an existing formula found around the cursor', () => {
    const text = 'then $x+1$ holds';
    const span = formulaAt(text, 7)!;
    const plan = planFormulaInsertion(text, span.start, span.end, 'x+2', false);
    expect(plan?.text).toBe('then $x+2$ holds');
  });

  it('trims the LaTeX and refuses an empty formula', () => {
    expect(planFormulaInsertion('a', 1, 1, '  x ', false)?.text).toBe('a$x$');
    expect(planFormulaInsertion('a', 1, 1, '   ', false)).toBeNull();
  });

  it('pads with a space where a digit after or a backslash before would break the formula', () => {
    const digit = planFormulaInsertion('5 apples', 0, 0, 'x', false);
    expect(digit?.text).toBe('$x$ 5 apples');
    expect(digit?.caret).toBe(3);
    const slash = planFormulaInsertion('a\\', 2, 2, 'y', false);
    expect(slash?.text).toBe('a\\ $y$');
    for (const plan of [digit, slash]) expect(locateFormulas(plan!.text)).toHaveLength(1);
  });

  it('keeps a space between adjacent formulas', () => {
    expect(planFormulaInsertion('$a$', 3, 3, 'b', false)?.text).toBe('$a$ $b$');
    expect(planFormulaInsertion('$a$', 0, 0, 'b', false)?.text).toBe('$b$ $a$');
  });

  it('falls back to \\(…\\) when a stray $$ would pair with ours', () => {
    const plan = planFormulaInsertion('5$$ then ', 9, 9, 'q', true);
    expect(plan?.insert).toBe('\\[q\\]');
  });

  it('yields text where MathText finds the inserted formula (property check)', () => {
    // Realistic pieces, cut only between pieces: prose, currency, escaped dollars, formulas of
    // every kind. (A stray `$$` before a later `$$…$$` swallows anything put between them,
    // whatever the delimiters: that text was already broken.)
    const pieces = ['so', ' ', '5', '$x$', '$$y$$', '\\(z\\)', '\n', 'costs $5 ', 'pay $ now', '\\$', '\\'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = () => pieces[Math.floor(random() * pieces.length)] as string;
    for (let n = 0; n < 2000; n++) {
      const head = Array.from({ length: 1 + Math.floor(random() * 4) }, pick).join('');
      const tail = Array.from({ length: Math.floor(random() * 4) }, pick).join('');
      const display = random() < 0.3;
      const text = head + tail;
      if (formulaAt(text, head.length) || head.endsWith('\\')) continue; // the editor replaces a formula instead
      const plan = planFormulaInsertion(text, head.length, head.length, 'q', display)!;
      expect(plan.text.startsWith(head)).toBe(true);
      const spans = locateFormulas(plan.text);
      expect(spans.some((s) => s.latex === 'q' && s.display === display), JSON.stringify([head, tail, display])).toBe(true);
    }
  });
});

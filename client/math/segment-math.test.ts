import { describe, expect, it } from 'vitest';
import { segmentFormulaOrText, segmentMath } from './segment-math';

const text = (t: string) => ({ kind: 'text', text: t });
const inline = (latex: string) => ({ kind: 'math', latex, display: false });
const display = (latex: string) => ({ kind: 'math', latex, display: true });

describe('segmentMath', () => {
  it('returns plain text as one segment, and nothing for an empty string', () => {
    expect(segmentMath('no math here')).toEqual([text('no math here')]);
    expect(segmentMath('')).toEqual([]);
  });

  it('finds the four delimiters', () => {
    expect(segmentMath('a $x^2$ b')).toEqual([text('a '), inline('x^2'), text(' b')]);
    expect(segmentMath('a \\(x\\) b')).toEqual([text('a '), inline('x'), text(' b')]);
    expect(segmentMath('a $$\\frac12$$ b')).toEqual([text('a '), display('\\frac12'), text(' b')]);
    expect(segmentMath('a \\[ y = 1 \\] b')).toEqual([text('a '), display(' y = 1 '), text(' b')]);
  });

  it('handles adjacent formulas and formulas at the edges', () => {
    expect(segmentMath('$a$$$b$$\\(c\\)')).toEqual([inline('a'), display('b'), inline('c')]);
  });

  it('reads an escaped dollar as a literal dollar', () => {
    expect(segmentMath('costs \\$5 today')).toEqual([text('costs $5 today')]);
    expect(segmentMath('\\$x$ and $y$')).toEqual([text('$x$ and '), inline('y')]);
  });

  it('keeps an escaped dollar inside math as part of the formula', () => {
    expect(segmentMath('$a\\$b$')).toEqual([inline('a\\$b')]);
  });

  it('leaves unclosed delimiters as text', () => {
    expect(segmentMath('open $x and never closed')).toEqual([text('open $x and never closed')]);
    expect(segmentMath('$$x')).toEqual([text('$$x')]);
    expect(segmentMath('\\(x')).toEqual([text('\\(x')]);
    expect(segmentMath('\\[x')).toEqual([text('\\[x')]);
    expect(segmentMath('$$')).toEqual([text('$$')]);
  });

  it('does not read currency as math', () => {
    const s = 'Total cost = $3.5 * 4000 = $14,000.';
    expect(segmentMath(s)).toEqual([text(s)]);
    expect(segmentMath('$80 / $20 = 4 rewards')).toEqual([text('$80 / $20 = 4 rewards')]);
    expect(segmentMath('paid $43 - $6 = $37, so $x$ is')).toEqual([text('paid $43 - $6 = $37, so '), inline('x'), text(' is')]);
  });

  it('does not close single-dollar math on a closer followed by a digit', () => {
    expect(segmentMath('$5 and 3$10')).toEqual([text('$5 and 3$10')]);
  });

  it('does not open single-dollar math on a dollar followed by whitespace', () => {
    expect(segmentMath('a $ b$')).toEqual([text('a $ b$')]);
  });

  it('does not take a double backslash for an opener', () => {
    expect(segmentMath('line\\\\(not math)')).toEqual([text('line\\\\(not math)')]);
  });

  it('does not end \\(…\\) on an escaped backslash followed by a parenthesis', () => {
    expect(segmentMath('\\(a \\\\) b\\)')).toEqual([inline('a \\\\) b')]);
  });

  it('keeps display math with dollar signs inside text mode', () => {
    expect(segmentMath('$$\\text{cost \\$5}$$')).toEqual([display('\\text{cost \\$5}')]);
  });

  it('stays fast on many unmatched dollars', () => {
    const s = '$1 '.repeat(20_000);
    const started = performance.now();
    expect(segmentMath(s)).toEqual([text(s)]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('segmentFormulaOrText', () => {
  it('reads a bare formula as one inline formula', () => {
    expect(segmentFormulaOrText(' 50^\\circ ')).toEqual([inline('50^\\circ')]);
    expect(segmentFormulaOrText('\\frac{1}{2}')).toEqual([inline('\\frac{1}{2}')]);
  });

  it('leaves plain answers and delimited text alone', () => {
    expect(segmentFormulaOrText('12 cm')).toEqual([text('12 cm')]);
    expect(segmentFormulaOrText('B')).toEqual([text('B')]);
    expect(segmentFormulaOrText('x = $3^2$')).toEqual([text('x = '), inline('3^2')]);
    expect(segmentFormulaOrText('$5 or $6')).toEqual([text('$5 or $6')]);
  });
});

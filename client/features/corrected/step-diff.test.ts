import { describe, expect, it } from 'vitest';
import { diffSteps, diffWordParts, similarity, type StepChange } from './step-diff';

const kinds = (changes: StepChange[]) =>
  changes.map((c) =>
    c.kind === 'added'
      ? `+${c.correctedIndex}`
      : c.kind === 'removed'
        ? `-${c.originalIndex}`
        : c.kind === 'changed'
          ? `~${c.originalIndex}>${c.correctedIndex}`
          : `=${c.originalIndex}`,
  );

describe('diffWordParts', () => {
  it('marks inserted and deleted words and keeps the rest', () => {
    expect(diffWordParts('so x = 3 here', 'so x = 4 here')).toEqual([
      { kind: 'same', text: 'so x = ' },
      { kind: 'deleted', text: '3' },
      { kind: 'inserted', text: '4' },
      { kind: 'same', text: ' here' },
    ]);
  });

  it('keeps LaTeX and markup-looking text as plain text parts', () => {
    const parts = diffWordParts('area $\\frac{1}{2}$', 'area <b>$\\frac{1}{3}$</b>');
    expect(parts.map((p) => p.text).join('')).toContain('<b>');
    expect(parts.some((p) => p.kind === 'inserted' && p.text.includes('3'))).toBe(true);
  });
});

describe('similarity', () => {
  it('is 1 for the same words, 0 for none in common', () => {
    expect(similarity('a b c', 'c b a')).toBe(1);
    expect(similarity('a b', 'c d')).toBe(0);
    expect(similarity('', '')).toBe(1);
  });
  it('ignores LaTeX punctuation, which every formula shares', () => {
    expect(similarity('The answer is $60^\\circ$.', 'Check: $2 \\cdot 70 + 40 = 180$.')).toBe(0);
  });
});

describe('diffSteps', () => {
  const original = ['Let x = 2.', 'Then 2x = 4.', 'So x^2 = 8.', 'The answer is 8.'];

  it('reports nothing but unchanged steps for a copy', () => {
    expect(kinds(diffSteps(original, [...original]))).toEqual(['=0', '=1', '=2', '=3']);
  });

  it('shows an edit in place as a changed step with word parts', () => {
    const corrected = [...original.slice(0, 2), 'So x^2 = 4.', 'The answer is 4.'];
    const changes = diffSteps(original, corrected);
    expect(kinds(changes)).toEqual(['=0', '=1', '~2>2', '~3>3']);
    const step3 = changes[2];
    expect(step3?.kind === 'changed' && step3.parts).toEqual([
      { kind: 'same', text: 'So x^2 = ' },
      { kind: 'deleted', text: '8' },
      { kind: 'inserted', text: '4' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('shows added steps at the end and removed steps anywhere, without shifting later steps', () => {
    expect(kinds(diffSteps(original, [...original, 'Check: 2^2 = 4.']))).toEqual(['=0', '=1', '=2', '=3', '+4']);
    expect(kinds(diffSteps(original, [original[0]!, original[2]!, original[3]!]))).toEqual(['=0', '-1', '=2', '=3']);
  });

  it('pairs an edited step with the original it resembles when a neighbour was removed', () => {
    // Step 3 removed and step 4 edited: one run of 2 originals vs 1 corrected step.
    const corrected = [original[0]!, original[1]!, 'The answer is 4.'];
    expect(kinds(diffSteps(original, corrected))).toEqual(['=0', '=1', '-2', '~3>2']);
  });

  it('shows a step rewritten beyond recognition as removed and added', () => {
    const corrected = [...original.slice(0, 3), 'Check: 2^2 = 4 holds.'];
    expect(kinds(diffSteps(original, corrected))).toEqual(['=0', '=1', '=2', '-3', '+3']);
  });

  it('treats unrelated new text in an unequal run as removed and added', () => {
    const corrected = [original[0]!, 'Completely different reasoning here.', 'And more of it.', 'Yet another.'];
    const changes = kinds(diffSteps(original.slice(0, 3), corrected));
    expect(changes).toEqual(['=0', '-1', '-2', '+1', '+2', '+3']);
  });

  it('calls a whitespace-only edit unchanged', () => {
    expect(kinds(diffSteps(['a  b'], ['a b']))).toEqual(['=0']);
  });

  it('handles empty sides', () => {
    expect(kinds(diffSteps([], ['x']))).toEqual(['+0']);
    expect(kinds(diffSteps(['x'], []))).toEqual(['-0']);
  });
});

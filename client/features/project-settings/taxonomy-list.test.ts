import { describe, expect, it } from 'vitest';
import { addType, moveItem, normaliseTypeName, removeAt } from './taxonomy-list';

describe('taxonomy list', () => {
  it('normalises what a lead types into a type name', () => {
    expect(normaliseTypeName('  Vision Recognition ')).toBe('vision_recognition');
    expect(normaliseTypeName('sign-error')).toBe('sign_error');
    expect(normaliseTypeName('a  -  b')).toBe('a_b');
  });

  it('adds unique valid names at the end', () => {
    expect(addType(['reasoning'], 'Units')).toEqual({ ok: true, list: ['reasoning', 'units'], name: 'units' });
    expect(addType(['reasoning'], ' Reasoning ')).toEqual({ ok: false, error: '“reasoning” is already in the list.' });
    expect(addType([], '   ')).toMatchObject({ ok: false });
    expect(addType([], 'x²')).toMatchObject({ ok: false });
    expect(addType([], 'a'.repeat(65))).toMatchObject({ ok: false });
  });

  it('removes by index', () => {
    expect(removeAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(removeAt(['a'], 5)).toEqual(['a']);
  });

  it('moves up and down, and stays put at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    const list = ['a', 'b'];
    expect(moveItem(list, 0, 1)).not.toBe(list);
  });
});

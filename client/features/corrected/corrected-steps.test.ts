import { describe, expect, it } from 'vitest';
import { addStep, keptStepCount, removeStep, replaceStep, startCorrection } from './corrected-steps';

const original = ['a', 'b', 'c', 'd'];

describe('keptStepCount', () => {
  it('keeps the steps before the first wrong one', () => {
    expect(keptStepCount(original, [...original], 2)).toBe(2);
    expect(keptStepCount(original, [...original], 0)).toBe(0);
  });
  it('keeps nothing for a correct verdict', () => {
    expect(keptStepCount(original, [...original], null)).toBe(0);
  });
  it('stops at a step that was already edited, and at the end of either list', () => {
    expect(keptStepCount(original, ['a', 'B', 'c', 'd'], 3)).toBe(1);
    expect(keptStepCount(original, ['a'], 3)).toBe(1);
    expect(keptStepCount(['a'], ['a', 'x'], 5)).toBe(1);
  });
});

describe('step list edits', () => {
  it('starts from a copy of the model steps, or one empty step', () => {
    const copy = startCorrection(original);
    expect(copy).toEqual(original);
    expect(copy).not.toBe(original);
    expect(startCorrection([])).toEqual(['']);
  });
  it('replaces, removes and appends without touching the input', () => {
    expect(replaceStep(original, 1, 'B')).toEqual(['a', 'B', 'c', 'd']);
    expect(removeStep(original, 0)).toEqual(['b', 'c', 'd']);
    expect(addStep(original)).toEqual(['a', 'b', 'c', 'd', '']);
    expect(original).toEqual(['a', 'b', 'c', 'd']);
  });
});

import { describe, expect, it } from 'vitest';
import { sliceEnd } from './step-slices';

const steps = (count: number, length: number) => Array.from({ length: count }, () => 'x'.repeat(length));

describe('typesetting slices', () => {
  it('typesets a solution of ordinary size in one go', () => {
    expect(sliceEnd(steps(60, 300), 0)).toBe(60);
    expect(sliceEnd([], 0)).toBe(0);
  });

  it('typesets about a screenful of a very long one first: at least three steps, at most twelve', () => {
    expect(sliceEnd(steps(300, 100), 0)).toBe(12);
    expect(sliceEnd(steps(60, 600), 0)).toBe(5);
    expect(sliceEnd(steps(10, 3000), 0)).toBe(3);
  });

  it('then bigger slices of at least one step, at most thirty, to the end', () => {
    expect(sliceEnd(steps(300, 100), 12)).toBe(42);
    expect(sliceEnd(steps(50, 100), 42)).toBe(50);
    expect(sliceEnd(steps(10, 9000), 3)).toBe(4);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile } from './bootstrap';
import { quartiles } from './quantiles';

const bySorting = (values: number[]) => {
  const sorted = Float64Array.from(values).sort();
  return { q1: percentile(sorted, 0.25), median: percentile(sorted, 0.5), q3: percentile(sorted, 0.75) };
};

describe('quartiles', () => {
  it('type-7 quantiles of a worked example (NumPy gives 2.75, 4.5, 6.25 for 1..8, here shuffled)', () => {
    expect(quartiles([8, 3, 1, 7, 2, 6, 4, 5])).toEqual({ q1: 2.75, median: 4.5, q3: 6.25 });
    expect(quartiles([5])).toEqual({ q1: 5, median: 5, q3: 5 });
    expect(quartiles([])).toEqual({ q1: null, median: null, q3: null });
  });

  it('equals sorting and reading the percentiles, for any values (duplicates, negatives, sorted or not)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer(), fc.double({ noNaN: true })), { minLength: 1, maxLength: 300 }), (values) => {
        expect(quartiles(values)).toEqual(bySorting(values));
      }),
      { numRuns: 500, seed: 6 },
    );
  });
});

import { percentile } from './bootstrap';

/** Median and quartiles (type-7 quantiles, as NumPy's default); all null for no values. */
export function quartiles(values: ArrayLike<number>): { q1: number | null; median: number | null; q3: number | null } {
  if (values.length === 0) return { q1: null, median: null, q3: null };
  const sorted = Float64Array.from(values).sort();
  return { q1: percentile(sorted, 0.25), median: percentile(sorted, 0.5), q3: percentile(sorted, 0.75) };
}

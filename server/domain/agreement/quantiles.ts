import { percentile } from './bootstrap';

/** Median and quartiles (type-7 quantiles, as NumPy's default); all null for no values. */
export function quartiles(values: readonly number[]): { q1: number | null; median: number | null; q3: number | null } {
  if (values.length === 0) return { q1: null, median: null, q3: null };
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  return { q1: percentile(list, 0.25), median: percentile(list, 0.5), q3: percentile(list, 0.75) };
}

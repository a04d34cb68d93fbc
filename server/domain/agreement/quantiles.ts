import { percentile } from './bootstrap';

/**
 * Median and quartiles (type-7 quantiles, as NumPy's default); all null for no values. The same
 * numbers as sorting and reading `percentile`, found by selection in linear time: a report's time
 * per item has a value per annotation, a million of them on a large project.
 */
export function quartiles(values: ArrayLike<number>): { q1: number | null; median: number | null; q3: number | null } {
  if (values.length === 0) return { q1: null, median: null, q3: null };
  const a = Float64Array.from(values);
  if (a.some(Number.isNaN)) {
    a.sort();
    return { q1: percentile(a, 0.25), median: percentile(a, 0.5), q3: percentile(a, 0.75) };
  }
  return { q1: selected(a, 0.25), median: selected(a, 0.5), q3: selected(a, 0.75) };
}

/**
 * `percentile(sorted a, p)` without sorting: selects the order statistics at ⌊h⌋ and ⌊h⌋ + 1 of
 * `a` in place (a stays a permutation of itself, so calls for several p may share it).
 */
function selected(a: Float64Array, p: number): number {
  const n = a.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  select(a, lo);
  const below = a[lo] as number;
  let above = below;
  if (lo + 1 < n) {
    // After selection everything right of lo is ≥ a[lo]: the next order statistic is their minimum.
    above = a[lo + 1] as number;
    for (let i = lo + 2; i < n; i++) if ((a[i] as number) < above) above = a[i] as number;
  }
  return below + (h - lo) * (above - below);
}

/** Rearranges `a` so that a[k] is its k-th smallest value, smaller ones left, larger right (Hoare's select, median-of-three pivots). */
function select(a: Float64Array, k: number): void {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const middle = (left + right) >>> 1;
    // Median of three into a[middle].
    if ((a[middle] as number) < (a[left] as number)) swap(a, middle, left);
    if ((a[right] as number) < (a[left] as number)) swap(a, right, left);
    if ((a[right] as number) < (a[middle] as number)) swap(a, right, middle);
    const pivot = a[middle] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

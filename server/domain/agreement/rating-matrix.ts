import type { Unit } from './types';

/**
 * Reliability data as one flat matrix, units × raters, `NaN` = missing: the report's form, so a
 * million ratings are one Float64Array instead of a million small arrays. Nominal values are
 * category codes (small integers); interval values are numbers.
 */
export interface RatingMatrix {
  units: number;
  raters: number;
  /** values[u · raters + r]. */
  values: Float64Array;
}

export function emptyMatrix(units: number, raters: number): RatingMatrix {
  return { units, raters, values: new Float64Array(units * raters).fill(NaN) };
}

/** Unit u as the `Unit` of types.ts (for the direct implementations). */
export function unitOf(matrix: RatingMatrix, u: number): Unit<number> {
  const out: Array<number | null> = [];
  for (let r = 0; r < matrix.raters; r++) {
    const v = matrix.values[u * matrix.raters + r] as number;
    out.push(Number.isNaN(v) ? null : v);
  }
  return out;
}

export function matrixFromUnits(units: readonly Unit<number>[], raters: number): RatingMatrix {
  const matrix = emptyMatrix(units.length, raters);
  units.forEach((unit, u) => unit.forEach((v, r) => {
    if (v !== null) matrix.values[u * raters + r] = v;
  }));
  return matrix;
}

/** Number of present values of unit u. */
export function presentCount(matrix: RatingMatrix, u: number): number {
  let m = 0;
  for (let r = 0; r < matrix.raters; r++) if (!Number.isNaN(matrix.values[u * matrix.raters + r] as number)) m += 1;
  return m;
}

/**
 * Types of units by the multiset of their values (rater order does not matter), for units with at
 * least `minValues` values (others −1). Keys are numbers when the values are small integers (a
 * base-B number of the sorted values), else strings.
 */
export function multisetTypes(matrix: RatingMatrix, accept: (size: number) => boolean): { types: Int32Array; representatives: number[] } {
  return computeMultisetTypes(matrix, accept);
}

const pairableCache = new WeakMap<RatingMatrix, { types: Int32Array; representatives: number[] }>();

/** multisetTypes of the units with ≥ 2 values, computed once per matrix (several statistics share them). */
export function pairableMultisetTypes(matrix: RatingMatrix): { types: Int32Array; representatives: number[] } {
  let cached = pairableCache.get(matrix);
  if (!cached) pairableCache.set(matrix, (cached = computeMultisetTypes(matrix, (m) => m >= 2)));
  return cached;
}

function computeMultisetTypes(matrix: RatingMatrix, accept: (size: number) => boolean): { types: Int32Array; representatives: number[] } {
  const { units, raters, values } = matrix;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) integers = false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const base = max - min + 2;
  const numeric = integers && (min === Infinity || raters * Math.log2(base) < 52);
  const types = new Int32Array(units).fill(-1);
  const representatives: number[] = [];
  const index = new Map<number | string, number>();
  const scratch = new Float64Array(raters);
  for (let u = 0; u < units; u++) {
    let m = 0;
    for (let r = 0; r < raters; r++) {
      const v = values[u * raters + r] as number;
      if (!Number.isNaN(v)) scratch[m++] = v;
    }
    if (!accept(m)) continue;
    // Insertion sort: m is a handful of raters.
    for (let i = 1; i < m; i++) {
      const v = scratch[i] as number;
      let j = i - 1;
      while (j >= 0 && (scratch[j] as number) > v) {
        scratch[j + 1] = scratch[j] as number;
        j -= 1;
      }
      scratch[j + 1] = v;
    }
    let key: number | string;
    if (numeric) {
      key = 0;
      for (let i = 0; i < m; i++) key = key * base + ((scratch[i] as number) - min + 1);
    } else {
      key = Array.from(scratch.subarray(0, m)).join(',');
    }
    let t = index.get(key);
    if (t === undefined) {
      t = representatives.length;
      index.set(key, t);
      representatives.push(u);
    }
    types[u] = t;
  }
  return { types, representatives };
}

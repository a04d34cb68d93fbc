// Shared shapes of the agreement statistics (SPEC §6). Pure data, no I/O.

/** A label a rater can give: a category name, or a number (a step index, a rating). */
export type Rating = string | number;

/**
 * One unit (item) of reliability data: one slot per rater, in the same rater order for every
 * unit, `null` where that rater gave no value. Raters are columns, units are rows, as in the
 * "reliability data" matrices of Krippendorff (2011) transposed.
 */
export type Unit<V extends Rating = Rating> = ReadonlyArray<V | null>;

/**
 * A statistic and how many units it used. `value` is `null` when the statistic is undefined for
 * the data (no usable units, no variation) — never NaN and never a stand-in 0.
 */
export interface Stat {
  value: number | null;
  n: number;
}

/** The values of a unit that are present (drops `null`). */
export function presentValues<V extends Rating>(unit: Unit<V>): V[] {
  const out: V[] = [];
  for (const v of unit) if (v !== null) out.push(v);
  return out;
}

/** Counts of each distinct value, in first-seen order. */
export function countValues<V extends Rating>(values: readonly V[]): Map<V, number> {
  const counts = new Map<V, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** A statistic with its 95% bootstrap interval, as reported (SPEC §6). */
export interface StatWithCi extends Stat {
  ci95: [number, number] | null;
}

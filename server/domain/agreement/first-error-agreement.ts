import { krippendorffAlpha } from './krippendorff-alpha';
import type { RatingMatrix } from './rating-matrix';
import type { Stat, Unit } from './types';

/** Agreement on where a solution first goes wrong (SPEC §6, "first error step"). */
export interface FirstErrorAgreement {
  /** Items with at least two annotators' first error steps. */
  items: number;
  /** Mean over items of the share of annotator pairs naming the same step; null with no items. */
  exact: number | null;
  /** Same, counting a pair as agreeing when the steps differ by at most one. */
  withinOne: number | null;
  alphaNominal: Stat;
  alphaInterval: Stat;
}

/**
 * Input: one unit per solution, one slot per annotator, holding the 0-based first error step of an
 * annotator who called the solution incorrect, `null` otherwise (called it correct, gave no step,
 * or did not rate it). Items with fewer than two steps are dropped (SPEC: "items that ≥ 2
 * annotators called incorrect").
 *
 * Pair shares are per item, like `percentAgreement`: for item u with steps s_1..s_m,
 *   exact_u = #{i ≠ j : s_i = s_j} / (m (m − 1)),   withinOne_u = #{i ≠ j : |s_i − s_j| ≤ 1} / (m (m − 1)),
 * averaged over items. The alphas are Krippendorff's over the same units (nominal and interval).
 */
export function firstErrorAgreement(units: readonly Unit<number>[]): FirstErrorAgreement {
  let items = 0;
  let exactSum = 0;
  let withinOneSum = 0;
  for (const unit of units) {
    const steps = unit.filter((step): step is number => step !== null);
    const m = steps.length;
    if (m < 2) continue;
    let exactPairs = 0;
    let nearPairs = 0;
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const gap = Math.abs((steps[i] ?? 0) - (steps[j] ?? 0));
        if (gap === 0) exactPairs += 1;
        if (gap <= 1) nearPairs += 1;
      }
    }
    const pairs = (m * (m - 1)) / 2;
    exactSum += exactPairs / pairs;
    withinOneSum += nearPairs / pairs;
    items += 1;
  }
  return {
    items,
    exact: items === 0 ? null : exactSum / items,
    withinOne: items === 0 ? null : withinOneSum / items,
    alphaNominal: krippendorffAlpha(units, 'nominal'),
    alphaInterval: krippendorffAlpha(units, 'interval'),
  };
}

/** `items`, `exact` and `withinOne` of firstErrorAgreement over a matrix (NaN = no step), same rules. */
export function firstErrorShares(matrix: RatingMatrix): Pick<FirstErrorAgreement, 'items' | 'exact' | 'withinOne'> {
  let items = 0;
  let exactSum = 0;
  let withinOneSum = 0;
  const steps = new Float64Array(matrix.raters);
  for (let u = 0; u < matrix.units; u++) {
    let m = 0;
    for (let r = 0; r < matrix.raters; r++) {
      const v = matrix.values[u * matrix.raters + r] as number;
      if (!Number.isNaN(v)) steps[m++] = v;
    }
    if (m < 2) continue;
    let exactPairs = 0;
    let nearPairs = 0;
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const gap = Math.abs((steps[i] as number) - (steps[j] as number));
        if (gap === 0) exactPairs += 1;
        if (gap <= 1) nearPairs += 1;
      }
    }
    const pairs = (m * (m - 1)) / 2;
    exactSum += exactPairs / pairs;
    withinOneSum += nearPairs / pairs;
    items += 1;
  }
  return { items, exact: items === 0 ? null : exactSum / items, withinOne: items === 0 ? null : withinOneSum / items };
}

import { countValues, presentValues, type Rating, type Stat, type Unit } from './types';

/**
 * Percent agreement: the mean, over units with at least two ratings, of the share of ordered
 * rater pairs within the unit that gave the same value —
 *   P_u = Σ_c n_uc (n_uc − 1) / (m_u (m_u − 1)),   value = mean_u P_u,
 * where m_u is the number of ratings of unit u and n_uc how many of them are c. With two raters
 * this is the plain share of items on which they agree; with a constant number of raters it is
 * Fleiss's P̄ (1971). Units with fewer than two ratings are dropped; `null` when none remain.
 */
export function percentAgreement<V extends Rating>(units: readonly Unit<V>[]): Stat {
  let sum = 0;
  let n = 0;
  for (const unit of units) {
    const values = presentValues(unit);
    const m = values.length;
    if (m < 2) continue;
    let agreeingPairs = 0;
    for (const count of countValues(values).values()) agreeingPairs += count * (count - 1);
    sum += agreeingPairs / (m * (m - 1));
    n += 1;
  }
  return { value: n === 0 ? null : sum / n, n };
}

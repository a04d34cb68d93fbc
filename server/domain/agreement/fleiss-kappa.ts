import { countValues, presentValues, type Rating, type Stat, type Unit } from './types';

/** Fleiss' kappa with the number of ratings per unit it was computed over. */
export interface FleissStat extends Stat {
  /** k: ratings per unit used; `null` when no unit has two or more ratings. */
  raters: number | null;
}

/**
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters") over the
 * units that have exactly k ratings, where k ≥ 2 is the most common number of ratings per unit
 * (ties go to the larger k, which keeps more ratings). With N such units and n_ij the number of
 * ratings of unit i in category j:
 *
 *   P_i = Σ_j n_ij (n_ij − 1) / (k (k − 1)),   P̄ = (1/N) Σ_i P_i,
 *   p_j = Σ_i n_ij / (N k),                    P̄_e = Σ_j p_j²,
 *   κ = (P̄ − P̄_e) / (1 − P̄_e).
 *
 * `null` when no unit qualifies or P̄_e = 1 (every rating in one category).
 */
export function fleissKappa<V extends Rating>(units: readonly Unit<V>[]): FleissStat {
  const rated = units.map(presentValues).filter((values) => values.length >= 2);
  const k = mostCommonSize(rated.map((values) => values.length));
  if (k === null) return { value: null, n: 0, raters: null };

  let agreeingPairs = 0; // Σ_i Σ_j n_ij (n_ij − 1)
  let n = 0;
  const totals = new Map<V, number>(); // Σ_i n_ij per category j
  for (const values of rated) {
    if (values.length !== k) continue;
    n += 1;
    for (const [category, count] of countValues(values)) {
      agreeingPairs += count * (count - 1);
      totals.set(category, (totals.get(category) ?? 0) + count);
    }
  }
  const ratings = n * k;
  let squares = 0; // Σ_j (Σ_i n_ij)² = (N k)² P̄_e
  for (const total of totals.values()) squares += total * total;
  const pBar = agreeingPairs / (n * k * (k - 1));
  const pExpected = squares / (ratings * ratings);
  if (squares === ratings * ratings) return { value: null, n, raters: k };
  return { value: (pBar - pExpected) / (1 - pExpected), n, raters: k };
}

function mostCommonSize(sizes: readonly number[]): number | null {
  const frequency = countValues(sizes);
  let best: number | null = null;
  let bestCount = 0;
  for (const [size, count] of frequency) {
    if (count > bestCount || (count === bestCount && best !== null && size > best)) {
      best = size;
      bestCount = count;
    }
  }
  return best;
}

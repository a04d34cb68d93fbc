import type { Rating, Stat } from './types';

/**
 * Cohen's kappa (Cohen 1960) for two raters on nominal data, over the items both rated.
 * `a[i]` and `b[i]` are the two raters' values for item i (`null` = not rated).
 *
 *   p_o = (items where a = b) / n,   p_e = Σ_c (a_c / n)(b_c / n),   κ = (p_o − p_e) / (1 − p_e)
 *
 * where a_c, b_c count how often each rater used category c. Computed from integer counts as
 * κ = (n·agree − Σ_c a_c b_c) / (n² − Σ_c a_c b_c), which is exactly symmetric in a and b.
 * `null` when no item was rated by both or p_e = 1 (both raters used one and the same category).
 */
export function cohenKappa<V extends Rating>(
  a: ReadonlyArray<V | null>,
  b: ReadonlyArray<V | null>,
): Stat {
  if (a.length !== b.length) throw new Error('cohenKappa: a and b must rate the same items');
  const countsA = new Map<V, number>();
  const countsB = new Map<V, number>();
  let n = 0;
  let agree = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === null || y === null) continue;
    n += 1;
    if (x === y) agree += 1;
    countsA.set(x, (countsA.get(x) ?? 0) + 1);
    countsB.set(y, (countsB.get(y) ?? 0) + 1);
  }
  let chanceProduct = 0; // Σ_c a_c b_c = n² p_e
  for (const [category, countA] of countsA) chanceProduct += countA * (countsB.get(category) ?? 0);
  const denominator = n * n - chanceProduct;
  if (n === 0 || denominator === 0) return { value: null, n };
  return { value: (n * agree - chanceProduct) / denominator, n };
}

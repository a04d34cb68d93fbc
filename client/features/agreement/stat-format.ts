/**
 * How the dashboard writes numbers. Pure. `null` means the statistic is undefined for the data
 * (SPEC §6): it is shown as "—" with UNDEFINED_HINT, never as 0.
 */

export const UNDEFINED_HINT = 'undefined for these data (too few items or no variation)';
export const DASH = '—';

/** A coefficient (kappa, alpha, F1) with `digits` decimals; null → "—". */
export function formatCoefficient(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  // −0.00 reads as a sign error; show 0.00.
  const text = value.toFixed(digits);
  return /^-0\.0*$/.test(text) ? text.slice(1) : text.replace('-', '−');
}

/** A ratio in 0..1 as a whole percent ("85%"); null → "—". */
export function formatPercent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  return `${Math.round(value * 100)}%`;
}

/** "95% CI 0.61 to 0.83" (or percents); null when there is no interval. */
export function formatCi(ci: readonly [number, number] | null, as: 'coefficient' | 'percent'): string | null {
  if (ci === null) return null;
  const f = as === 'percent' ? formatPercent : (v: number) => formatCoefficient(v);
  return `95% CI ${f(ci[0])} to ${f(ci[1])}`;
}

/** Landis & Koch (1977) bands for a kappa; null for an undefined kappa. */
export function landisKochBand(kappa: number | null): string | null {
  if (kappa === null || !Number.isFinite(kappa)) return null;
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** Krippendorff (2004/2011): rely on α ≥ 0.800, draw tentative conclusions from 0.667, else not. */
export function krippendorffBand(alpha: number | null): string | null {
  if (alpha === null || !Number.isFinite(alpha)) return null;
  if (alpha >= 0.8) return 'reliable (α ≥ 0.800)';
  if (alpha >= 0.667) return 'tentative only (0.667 ≤ α < 0.800)';
  return 'not reliable (α < 0.667)';
}

/** "n = 12 items" / "n = 1 item". */
export function formatN(n: number, unit = 'item'): string {
  return `n = ${n} ${n === 1 ? unit : `${unit}s`}`;
}

import { mulberry32 } from './prng';
import type { Stat, StatWithCi } from './types';

export interface BootstrapOptions {
  /** Seed of the resampling generator; the same seed, units and statistic give the same interval. */
  seed: number;
  /** Number of resamples (default 1000). */
  samples?: number;
}

/**
 * Percentile bootstrap 95% interval: draw `samples` resamples of the units with replacement
 * (each the size of the original), compute the statistic on each, drop the resamples where it is
 * undefined (`null`), and return the 2.5th and 97.5th percentiles of the rest, interpolated
 * linearly between order statistics (Hyndman & Fan type 7, the default of R and NumPy).
 * `null` when fewer than two resamples give a defined value.
 */
export function bootstrapCi<U>(
  units: readonly U[],
  statistic: (units: readonly U[]) => Stat,
  options: BootstrapOptions,
): [number, number] | null {
  const resample: U[] = [];
  return bootstrapRowsCi(
    units.length,
    (rows) => {
      resample.length = 0;
      for (const r of rows) resample.push(units[r] as U);
      return statistic(resample).value;
    },
    options,
  );
}

/** A statistic on all the units together with its bootstrap interval. */
export function statWithCi<U>(
  units: readonly U[],
  statistic: (units: readonly U[]) => Stat,
  options: BootstrapOptions,
): StatWithCi {
  return { ...statistic(units), ci95: bootstrapCi(units, statistic, options) };
}

/**
 * The same bootstrap over row indices 0..count−1, for statistics that read precomputed tables
 * (e.g. `alphaOfTable`) instead of materialising each resample. Draws the same rows as
 * `bootstrapCi` for the same seed, so both give the same interval.
 */
export function bootstrapRowsCi(
  count: number,
  statistic: (rows: Uint32Array) => number | null,
  { seed, samples = 1000 }: BootstrapOptions,
): [number, number] | null {
  if (count === 0) return null;
  const random = mulberry32(seed);
  const estimates: number[] = [];
  const rows = new Uint32Array(count);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < count; i++) rows[i] = Math.floor(random() * count);
    const value = statistic(rows);
    if (value !== null && Number.isFinite(value)) estimates.push(value);
  }
  if (estimates.length < 2) return null;
  estimates.sort((x, y) => x - y);
  return [percentile(estimates, 0.025), percentile(estimates, 0.975)];
}

/** Type-7 quantile of an ascending array (length ≥ 1): h = (n − 1) p, interpolate around h. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] ?? 0;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below;
  return below + (h - lo) * (above - below);
}

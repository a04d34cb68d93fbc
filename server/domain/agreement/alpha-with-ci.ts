import { bootstrapRowsCi, type BootstrapOptions } from './bootstrap';
import { alphaOfTable, buildAlphaTable, type AlphaMetric } from './krippendorff-alpha';
import type { Rating, StatWithCi, Unit } from './types';

/**
 * Krippendorff's alpha with its 95% percentile-bootstrap interval over pairable units (units with
 * fewer than two values never count, so they are not resampled either). Builds the per-unit table
 * once; each resample only sums rows of it (about 2–5 s for 1000 resamples of 200,000 units).
 */
export function krippendorffAlphaWithCi(
  units: readonly Unit<Rating>[],
  metric: 'nominal',
  options: BootstrapOptions,
): StatWithCi;
export function krippendorffAlphaWithCi(
  units: readonly Unit<number>[],
  metric: AlphaMetric,
  options: BootstrapOptions,
): StatWithCi;
export function krippendorffAlphaWithCi(
  units: readonly Unit<Rating>[],
  metric: AlphaMetric,
  options: BootstrapOptions,
): StatWithCi {
  const table = buildAlphaTable(units, metric);
  const ci95 = bootstrapRowsCi(table.units, (rows) => alphaOfTable(table, rows).value, options);
  return { ...alphaOfTable(table), ci95 };
}

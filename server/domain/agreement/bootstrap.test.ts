import { describe, expect, it } from 'vitest';
import { krippendorffAlphaWithCi } from './alpha-with-ci';
import { bootstrapCi, bootstrapRowsCi, statWithCi } from './bootstrap';
import { cohenKappa } from './cohen-kappa';
import { alphaOfTable, buildAlphaTable, krippendorffAlpha } from './krippendorff-alpha';
import { mulberry32 } from './prng';
import type { Unit } from './types';

const m = null;
// Krippendorff (2011) nominal example with missing data (see worked-examples.test.ts).
const reliabilityData: Unit<number>[] = [
  [1, 1, m, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
  [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [m, 5, 5, 5], [m, m, 1, 1], [m, 3, m, m],
];
const alphaNominal = (units: readonly Unit<number>[]) => krippendorffAlpha(units, 'nominal');

describe('mulberry32', () => {
  it('is reproducible and stays in [0, 1)', () => {
    const first = mulberry32(42);
    const second = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = first();
      expect(second()).toBe(x);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe('bootstrapCi', () => {
  it('is reproducible for a seed and brackets the estimate', () => {
    const ci = bootstrapCi(reliabilityData, alphaNominal, { seed: 7 });
    expect(ci).toEqual(bootstrapCi(reliabilityData, alphaNominal, { seed: 7 }));
    expect(ci).not.toEqual(bootstrapCi(reliabilityData, alphaNominal, { seed: 8 }));
    if (ci === null) throw new Error('expected an interval');
    const [lo, hi] = ci;
    expect(lo).toBeLessThanOrEqual(hi);
    expect(lo).toBeLessThanOrEqual(113 / 152);
    expect(hi).toBeGreaterThanOrEqual(113 / 152);
    expect(hi).toBeLessThanOrEqual(1);
  });

  it('gives the same interval over an alpha table as over raw units', () => {
    // Only pairable units make table rows, so compare on data where every unit is pairable.
    const pairable = reliabilityData.slice(0, 11);
    for (const metric of ['nominal', 'interval'] as const) {
      const raw = bootstrapCi(pairable, (u) => krippendorffAlpha(u, metric), { seed: 9 });
      const table = buildAlphaTable(pairable, metric);
      const fast = bootstrapRowsCi(table.units, (rows) => alphaOfTable(table, rows).value, { seed: 9 });
      expect(fast?.[0]).toBeCloseTo(raw?.[0] ?? NaN, 9);
      expect(fast?.[1]).toBeCloseTo(raw?.[1] ?? NaN, 9);
    }
  });

  it('is a degenerate interval when every resample gives the same value', () => {
    const ci = bootstrapCi([[1, 1], [2, 2], [3, 3]], alphaNominal, { seed: 1, samples: 200 });
    // A resample may draw one unit three times (no variation → null); the rest give α = 1.
    expect(ci).toEqual([1, 1]);
  });

  it('is null when fewer than two resamples are defined', () => {
    expect(bootstrapCi([], alphaNominal, { seed: 1 })).toBeNull();
    expect(bootstrapCi([[1, 1]], alphaNominal, { seed: 1 })).toBeNull();
    expect(bootstrapCi([[1, 2], [1, 2]], alphaNominal, { seed: 1, samples: 1 })).toBeNull();
  });

  it('works for pairs (Cohen’s kappa over items both rated)', () => {
    const random = mulberry32(5);
    const pairs = Array.from({ length: 60 }, () => {
      const truth = random() < 0.5 ? 'yes' : 'no';
      const other = truth === 'yes' ? 'no' : 'yes';
      return [truth, random() < 0.8 ? truth : other] as const;
    });
    const kappa = (ps: readonly (readonly [string, string])[]) => cohenKappa(ps.map((p) => p[0]), ps.map((p) => p[1]));
    const ci = bootstrapCi(pairs, kappa, { seed: 3, samples: 500 });
    const estimate = kappa(pairs).value ?? NaN;
    expect(ci).not.toBeNull();
    expect(ci?.[0]).toBeLessThan(estimate);
    expect(ci?.[1]).toBeGreaterThan(estimate);
  });
});

describe('statistics with intervals', () => {
  it('krippendorffAlphaWithCi equals alpha plus the bootstrap over pairable units', () => {
    const pairable = reliabilityData.slice(0, 11); // unit 12 is not pairable
    const result = krippendorffAlphaWithCi(reliabilityData, 'interval', { seed: 4, samples: 300 });
    expect(result.value).toBeCloseTo(951 / 1120, 9);
    expect(result.n).toBe(11);
    const raw = bootstrapCi(pairable, (u) => krippendorffAlpha(u, 'interval'), { seed: 4, samples: 300 });
    expect(result.ci95?.[0]).toBeCloseTo(raw?.[0] ?? NaN, 9);
    expect(result.ci95?.[1]).toBeCloseTo(raw?.[1] ?? NaN, 9);
  });

  it('statWithCi pairs a statistic with its interval', () => {
    const result = statWithCi(reliabilityData, alphaNominal, { seed: 7 });
    expect(result).toEqual({
      value: expect.closeTo(113 / 152, 9) as number,
      n: 11,
      ci95: bootstrapCi(reliabilityData, alphaNominal, { seed: 7 }),
    });
  });
});

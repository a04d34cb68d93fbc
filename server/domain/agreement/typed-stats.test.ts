// The report computes every statistic in its typed form (typed-stats.ts) and bootstraps them
// together (typed-bootstrap.ts). These tests tie the typed forms to the direct implementations
// with fast-check, and state the invariances the report relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapRowsCi } from './bootstrap';
import { cohenKappa } from './cohen-kappa';
import { fleissKappa } from './fleiss-kappa';
import { firstErrorAgreement, firstErrorShares } from './first-error-agreement';
import { alphaOfTable, buildAlphaTable, krippendorffAlpha } from './krippendorff-alpha';
import { percentAgreement } from './percent-agreement';
import { matrixFromUnits, unitOf } from './rating-matrix';
import { bootstrapTypedStats } from './typed-bootstrap';
import { typedClusteredAlpha } from './clustered-alpha';
import {
  evaluateAll,
  mostCommonRatingCount,
  typedCohenKappa,
  typedFleissKappa,
  typedKrippendorffAlpha,
  typedMatchShare,
  typedPercentAgreement,
} from './typed-stats';
import type { Stat, Unit } from './types';

const reliabilityData = fc.integer({ min: 2, max: 5 }).chain((raters) =>
  fc.record({
    raters: fc.constant(raters),
    units: fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 4 }), { minLength: raters, maxLength: raters }), { minLength: 1, maxLength: 40 }),
  }),
);

function expectSame(actual: Stat, expected: Stat): void {
  expect(actual.n).toBe(expected.n);
  if (expected.value === null) expect(actual.value).toBeNull();
  else expect(Math.abs((actual.value ?? NaN) - expected.value)).toBeLessThan(1e-9);
}

describe('typed statistics equal the direct implementations', () => {
  it('percent agreement, Fleiss, alpha (nominal, interval), Cohen, first-error shares', () => {
    fc.assert(
      fc.property(reliabilityData, ({ raters, units }) => {
        const matrix = matrixFromUnits(units, raters);
        expectSame(evaluateAll(typedPercentAgreement(matrix)), percentAgreement(units));
        const fleiss = fleissKappa(units);
        expect(mostCommonRatingCount(matrix)).toBe(fleiss.raters);
        expectSame(evaluateAll(typedFleissKappa(matrix, fleiss.raters)), fleiss);
        expectSame(evaluateAll(typedKrippendorffAlpha(matrix, 'nominal')), krippendorffAlpha(units, 'nominal'));
        expectSame(evaluateAll(typedKrippendorffAlpha(matrix, 'interval')), krippendorffAlpha(units, 'interval'));
        const column = (r: number) => units.map((u) => u[r] ?? null);
        expectSame(evaluateAll(typedCohenKappa(matrix, 0, 1)), cohenKappa(column(0), column(1)));
        const direct = firstErrorAgreement(units);
        const shares = firstErrorShares(matrix);
        expect(shares.items).toBe(direct.items);
        if (direct.exact === null) expect(shares.exact).toBeNull();
        else expect(shares.exact).toBeCloseTo(direct.exact, 12);
        if (direct.withinOne === null) expect(shares.withinOne).toBeNull();
        else expect(shares.withinOne).toBeCloseTo(direct.withinOne, 12);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('clustered alpha is alpha over all the clusters’ units together', () => {
    fc.assert(
      fc.property(reliabilityData, fc.integer({ min: 1, max: 6 }), ({ raters, units }, clusters) => {
        const matrix = matrixFromUnits(units, raters);
        const clusterOf = Int32Array.from(units, (_, u) => u % clusters);
        const typed = evaluateAll(typedClusteredAlpha(matrix, clusterOf, clusters, 'interval'));
        expectSame(typed, krippendorffAlpha(units, 'interval'));
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('match share counts equal pairs over pairs both present', () => {
    const share = evaluateAll(typedMatchShare([0, 1, NaN, 1, 0], [0, 0, 1, 1, NaN]));
    expect(share).toEqual({ value: 2 / 3, n: 3 });
    expect(evaluateAll(typedMatchShare([NaN], [1]))).toEqual({ value: null, n: 0 });
  });
});

describe('properties (fast-check)', () => {
  it('perfect agreement gives 1 wherever the statistic is defined', () => {
    fc.assert(
      fc.property(reliabilityData, ({ raters, units }) => {
        const agreed: Unit<number>[] = units.map((unit, u) => unit.map((v) => (v === null ? null : u % 3)));
        const matrix = matrixFromUnits(agreed, raters);
        for (const stat of [
          typedPercentAgreement(matrix),
          typedFleissKappa(matrix, mostCommonRatingCount(matrix)),
          typedKrippendorffAlpha(matrix, 'nominal'),
          typedKrippendorffAlpha(matrix, 'interval'),
          typedCohenKappa(matrix, 0, 1),
        ]) {
          const { value } = evaluateAll(stat);
          if (value !== null) expect(value).toBeCloseTo(1, 12);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('nominal statistics do not change when categories are relabelled', () => {
    fc.assert(
      fc.property(reliabilityData, fc.shuffledSubarray([10, 20, 30, 40, 50, 60], { minLength: 4, maxLength: 4 }), ({ raters, units }, labels) => {
        const renamed = units.map((unit) => unit.map((v) => (v === null ? null : (labels[v] as number))));
        const a = matrixFromUnits(units, raters);
        const b = matrixFromUnits(renamed, raters);
        expectSame(evaluateAll(typedPercentAgreement(b)), evaluateAll(typedPercentAgreement(a)));
        expectSame(evaluateAll(typedFleissKappa(b, mostCommonRatingCount(b))), evaluateAll(typedFleissKappa(a, mostCommonRatingCount(a))));
        expectSame(evaluateAll(typedKrippendorffAlpha(b, 'nominal')), evaluateAll(typedKrippendorffAlpha(a, 'nominal')));
        expectSame(evaluateAll(typedCohenKappa(b, 0, 1)), evaluateAll(typedCohenKappa(a, 0, 1)));
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('Cohen’s kappa is symmetric: κ(a, b) = κ(b, a), also with its interval', () => {
    fc.assert(
      fc.property(reliabilityData, ({ raters, units }) => {
        const matrix = matrixFromUnits(units, raters);
        const [ab, ba] = bootstrapTypedStats(matrix.units, [typedCohenKappa(matrix, 0, 1), typedCohenKappa(matrix, 1, 0)], { seed: 5, samples: 50 });
        expectSame(ba as Stat, ab as Stat);
        expect(ba?.ci95 === null).toBe(ab?.ci95 === null);
        if (ab?.ci95 && ba?.ci95) {
          expect(ba.ci95[0]).toBeCloseTo(ab.ci95[0], 9);
          expect(ba.ci95[1]).toBeCloseTo(ab.ci95[1], 9);
        }
      }),
      { numRuns: 100, seed: 15 },
    );
  });
});

describe('the shared bootstrap', () => {
  const units: Unit<number>[] = Array.from({ length: 300 }, (_, u) => [u % 3 === 0 ? 1 : 0, u % 5 === 0 ? 1 : u % 3 === 0 ? 1 : 0, u % 7 === 0 ? null : u % 3 === 0 ? 1 : 0]);
  const matrix = matrixFromUnits(units, 3);

  it('is reproducible for a seed, brackets the estimate, and differs for another seed', () => {
    const stats = () => [typedKrippendorffAlpha(matrix, 'nominal'), typedPercentAgreement(matrix), typedCohenKappa(matrix, 0, 1)];
    const one = bootstrapTypedStats(matrix.units, stats(), { seed: 1, samples: 200 });
    const again = bootstrapTypedStats(matrix.units, stats(), { seed: 1, samples: 200 });
    const other = bootstrapTypedStats(matrix.units, stats(), { seed: 2, samples: 200 });
    expect(again).toEqual(one);
    expect(other[0]?.ci95).not.toEqual(one[0]?.ci95);
    for (const stat of one) {
      const [lo, hi] = stat.ci95 ?? [NaN, NaN];
      expect(lo).toBeLessThanOrEqual(stat.value ?? NaN);
      expect(hi).toBeGreaterThanOrEqual(stat.value ?? NaN);
    }
  });

  it('draws the same resamples as bootstrapRowsCi, so a lone alpha gets the same interval', () => {
    const [typed] = bootstrapTypedStats(matrix.units, [typedKrippendorffAlpha(matrix, 'nominal')], { seed: 9, samples: 300 });
    // bootstrapRowsCi resamples pairable units only; with every unit pairable the rows coincide.
    const table = buildAlphaTable(Array.from({ length: matrix.units }, (_, u) => unitOf(matrix, u)), 'nominal');
    expect(table.units).toBe(matrix.units);
    const direct = bootstrapRowsCi(table.units, (rows) => alphaOfTable(table, rows).value, { seed: 9, samples: 300 });
    expect(typed?.ci95?.[0]).toBeCloseTo(direct?.[0] ?? NaN, 12);
    expect(typed?.ci95?.[1]).toBeCloseTo(direct?.[1] ?? NaN, 12);
  });

  it('gives null intervals without resamples and for undefined statistics', () => {
    const [none] = bootstrapTypedStats(matrix.units, [typedPercentAgreement(matrix)], { seed: 1, samples: 0 });
    expect(none?.ci95).toBeNull();
    const constant = matrixFromUnits([[1, 1], [1, 1]], 2);
    const [flat] = bootstrapTypedStats(2, [typedKrippendorffAlpha(constant, 'nominal')], { seed: 1, samples: 50 });
    expect(flat).toEqual({ value: null, n: 2, ci95: null });
  });
});

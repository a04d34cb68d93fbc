// Property tests over seeded random data (plain loops, reproducible: mulberry32 with fixed seeds).
import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa';
import { fleissKappa } from './fleiss-kappa';
import { krippendorffAlpha } from './krippendorff-alpha';
import { percentAgreement } from './percent-agreement';
import { mulberry32 } from './prng';
import type { Unit } from './types';

const TRIALS = 200;

/** Random reliability data: `units` × `raters`, values 0..categories−1, some missing. */
function randomUnits(random: () => number, missingRate = 0.2): Unit<number>[] {
  const units = 2 + Math.floor(random() * 30);
  const raters = 2 + Math.floor(random() * 5);
  const categories = 2 + Math.floor(random() * 4);
  return Array.from({ length: units }, () =>
    Array.from({ length: raters }, () => (random() < missingRate ? null : Math.floor(random() * categories))),
  );
}

const relabel = (v: number | null): string | null => (v === null ? null : `category-${(v * 7 + 3) % 11}`);

describe('perfect agreement gives 1 where defined', () => {
  it('for every statistic', () => {
    const random = mulberry32(1);
    let defined = 0;
    for (let t = 0; t < TRIALS; t++) {
      // Every rater copies the unit's true value; at least two categories so chance agreement < 1.
      const units = randomUnits(random).map((unit, i) => {
        const truth = i % 2 === 0 ? 0 : 1 + Math.floor(random() * 3);
        return unit.map((v) => (v === null ? null : truth));
      });
      for (const stat of [
        percentAgreement(units),
        fleissKappa(units),
        krippendorffAlpha(units, 'nominal'),
        krippendorffAlpha(units, 'interval'),
        cohenKappa(units.map((u) => u[0] ?? null), units.map((u) => u[1] ?? null)),
      ]) {
        if (stat.value === null) continue;
        defined += 1;
        expect(stat.value).toBeCloseTo(1, 12);
      }
    }
    expect(defined).toBeGreaterThan(2 * TRIALS); // the property was exercised, not skipped
  });
});

describe('nominal statistics are invariant to relabelling categories', () => {
  it('percent agreement, Cohen, Fleiss and nominal alpha', () => {
    const random = mulberry32(2);
    for (let t = 0; t < TRIALS; t++) {
      const units = randomUnits(random);
      const renamed = units.map((unit) => unit.map(relabel));
      const a = units.map((u) => u[0] ?? null);
      const b = units.map((u) => u[1] ?? null);
      expect(percentAgreement(renamed)).toEqual(percentAgreement(units));
      expect(cohenKappa(a.map(relabel), b.map(relabel))).toEqual(cohenKappa(a, b));
      const fleiss = fleissKappa(units);
      const fleissRenamed = fleissKappa(renamed);
      expect(fleissRenamed.raters).toBe(fleiss.raters);
      expect(fleissRenamed.n).toBe(fleiss.n);
      expectSameValue(fleissRenamed.value, fleiss.value);
      expectSameValue(krippendorffAlpha(renamed, 'nominal').value, krippendorffAlpha(units, 'nominal').value);
    }
  });
});

describe('Cohen’s kappa is symmetric in its pair', () => {
  it('κ(a, b) = κ(b, a)', () => {
    const random = mulberry32(3);
    for (let t = 0; t < TRIALS; t++) {
      const units = randomUnits(random, 0.3);
      const a = units.map((u) => u[0] ?? null);
      const b = units.map((u) => u[1] ?? null);
      expect(cohenKappa(b, a)).toEqual(cohenKappa(a, b));
    }
  });
});

describe('interval alpha is invariant under shifting every value by a constant', () => {
  it('α(x + c) = α(x)', () => {
    const random = mulberry32(4);
    for (let t = 0; t < TRIALS; t++) {
      const units = randomUnits(random);
      const shift = (random() - 0.5) * 2e6; // large and fractional: tests cancellation too
      const shifted = units.map((unit) => unit.map((v) => (v === null ? null : v + shift)));
      expectSameValue(krippendorffAlpha(shifted, 'interval').value, krippendorffAlpha(units, 'interval').value);
    }
  });
});

describe('undefined is null, never NaN', () => {
  it('no usable units', () => {
    expect(percentAgreement([[1, null], [null, null]])).toEqual({ value: null, n: 0 });
    expect(cohenKappa([1, null], [null, 2])).toEqual({ value: null, n: 0 });
    expect(fleissKappa([[1], []])).toEqual({ value: null, n: 0, raters: null });
    expect(krippendorffAlpha([[1, null, null]], 'nominal')).toEqual({ value: null, n: 0 });
  });

  it('no variation', () => {
    const same = [['x', 'x'], ['x', 'x', 'x'], ['x', 'x']];
    expect(percentAgreement(same)).toEqual({ value: 1, n: 3 });
    expect(cohenKappa(['x', 'x'], ['x', 'x'])).toEqual({ value: null, n: 2 });
    expect(fleissKappa(same)).toEqual({ value: null, n: 2, raters: 2 });
    expect(krippendorffAlpha(same, 'nominal')).toEqual({ value: null, n: 3 });
    expect(krippendorffAlpha([[2, 2], [2, 2]], 'interval')).toEqual({ value: null, n: 2 });
    expect(krippendorffAlpha([[0.1, 0.1, 0.1], [0.1, 0.1]], 'interval')).toEqual({ value: null, n: 2 });
    expect(krippendorffAlpha([[1e9 + 0.3, 1e9 + 0.3], [1e9 + 0.3, 1e9 + 0.3]], 'interval').value).toBeNull();
  });

  it('Fleiss keeps only units with the most common number of ratings', () => {
    const result = fleissKappa([['a', 'a', 'b'], ['a', 'b'], ['b', 'b'], ['a', 'a']]);
    expect(result).toMatchObject({ n: 3, raters: 2 });
    // 2 of 3 units agree: P̄ = 2/3; p_a = p_b = 1/2, P̄e = 1/2; κ = (2/3 − 1/2) / (1/2) = 1/3.
    expect(result.value).toBeCloseTo(1 / 3, 12);
  });

  it('interval alpha refuses non-numbers', () => {
    expect(() => krippendorffAlpha([['a', 'b']] as unknown as Unit<number>[], 'interval')).toThrow(/finite numbers/);
  });
});

function expectSameValue(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

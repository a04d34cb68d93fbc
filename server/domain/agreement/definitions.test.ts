// Cross-checks against straightforward textbook definitions, computed a different way from the
// production code (pair enumeration instead of coincidence matrices and integer counts).
import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa';
import { krippendorffAlpha, type AlphaMetric } from './krippendorff-alpha';
import { mulberry32 } from './prng';
import type { Unit } from './types';

function randomUnits(random: () => number): Unit<number>[] {
  const raters = 2 + Math.floor(random() * 5);
  const categories = 2 + Math.floor(random() * 5);
  return Array.from({ length: 2 + Math.floor(random() * 25) }, () =>
    Array.from({ length: raters }, () => (random() < 0.25 ? null : Math.floor(random() * categories))),
  );
}

/**
 * α = 1 − D_o / D_e with D_o the mean disagreement of within-unit pairs (each unit's pairs
 * weighted 1/(m_u − 1)) and D_e the mean disagreement over all pairs of pairable values.
 */
function alphaByPairs(units: readonly Unit<number>[], metric: AlphaMetric): number | null {
  const delta = (x: number, y: number) => (metric === 'nominal' ? (x === y ? 0 : 1) : (x - y) ** 2);
  const pairable = units.map((u) => u.filter((v): v is number => v !== null)).filter((u) => u.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  let observed = 0;
  for (const unit of pairable) {
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i !== j) observed += delta(unit[i] ?? 0, unit[j] ?? 0) / (unit.length - 1);
      }
    }
  }
  let expected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += delta(all[i] ?? 0, all[j] ?? 0);
  if (n === 0 || expected === 0) return null;
  return 1 - (observed / n) / (expected / (n * (n - 1)));
}

function cohenByProportions(a: readonly (number | null)[], b: readonly (number | null)[]): number | null {
  const both = a.flatMap((x, i) => (x !== null && b[i] != null ? [[x, b[i] ?? 0] as const] : []));
  const n = both.length;
  if (n === 0) return null;
  const po = both.filter(([x, y]) => x === y).length / n;
  let pe = 0;
  for (const c of new Set(both.flatMap(([x, y]) => [x, y]))) {
    pe += (both.filter(([x]) => x === c).length / n) * (both.filter(([, y]) => y === c).length / n);
  }
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

const same = (actual: number | null, expected: number | null) =>
  expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 9);

describe('agreement statistics match their textbook definitions on random data', () => {
  it('Krippendorff’s alpha, nominal and interval', () => {
    const random = mulberry32(11);
    for (let t = 0; t < 300; t++) {
      const units = randomUnits(random);
      same(krippendorffAlpha(units, 'nominal').value, alphaByPairs(units, 'nominal'));
      same(krippendorffAlpha(units, 'interval').value, alphaByPairs(units, 'interval'));
    }
  });

  it('Cohen’s kappa', () => {
    const random = mulberry32(12);
    for (let t = 0; t < 300; t++) {
      const units = randomUnits(random);
      const a = units.map((u) => u[0] ?? null);
      const b = units.map((u) => u[1] ?? null);
      same(cohenKappa(a, b).value, cohenByProportions(a, b));
    }
  });
});

// Worked examples checked against reference implementations' own test data (not typed from
// memory): R irr's `diagnoses` (Fleiss 1971 Table 1) as shipped in statsmodels'
// statsmodels/stats/tests/test_inter_rater.py (kappam.fleiss → 0.4302445, column sums
// 26 26 30 55 43), and the Python `krippendorff` package (pln-fing-udelar/fast-krippendorff,
// tests/test_krippendorff.py and its doctest of Krippendorff 2011 p. 8 data). Each exact value is
// also recomputed here independently by the paper's own formula.
import { describe, expect, it } from 'vitest';
import { fleissKappa } from './fleiss-kappa';
import { krippendorffAlpha } from './krippendorff-alpha';
import { percentAgreement } from './percent-agreement';
import { evaluateAll, mostCommonRatingCount, typedFleissKappa, typedKrippendorffAlpha } from './typed-stats';
import { matrixFromUnits } from './rating-matrix';
import type { Unit } from './types';

/** R irr `diagnoses`: 30 patients × 6 raters, categories 1..5 (statsmodels' copy). */
const diagnoses: number[][] = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
];

describe('Fleiss (1971) Table 1 = R irr `diagnoses`', () => {
  it('has the reference column sums 26 26 30 55 43', () => {
    const sums = [0, 0, 0, 0, 0];
    for (const row of diagnoses) for (const v of row) sums[v - 1] = (sums[v - 1] ?? 0) + 1;
    expect(sums).toEqual([26, 26, 30, 55, 43]);
  });

  it('P̄ and P̄e round to the paper’s .556 and .220; κ equals the formula to 1e-9 and irr’s 0.4302445', () => {
    // Fleiss's formulas, computed here from the counts: P_i = Σ_j n_ij(n_ij − 1) / (n(n − 1)).
    const n = 6;
    const N = diagnoses.length;
    let pSum = 0;
    const totals = [0, 0, 0, 0, 0];
    for (const row of diagnoses) {
      const counts = [0, 0, 0, 0, 0];
      for (const v of row) counts[v - 1] = (counts[v - 1] ?? 0) + 1;
      pSum += counts.reduce((s, c) => s + c * (c - 1), 0) / (n * (n - 1));
      counts.forEach((c, j) => (totals[j] = (totals[j] ?? 0) + c));
    }
    const pBar = pSum / N;
    const pE = totals.reduce((s, t) => s + (t / (N * n)) ** 2, 0);
    expect(pBar.toFixed(3)).toBe('0.556');
    expect(pE.toFixed(3)).toBe('0.220');
    const kappa = (pBar - pE) / (1 - pE);
    expect(kappa.toFixed(3)).toBe('0.430');

    const result = fleissKappa(diagnoses);
    expect(result).toMatchObject({ n: 30, raters: 6 });
    expect(Math.abs((result.value ?? NaN) - kappa)).toBeLessThan(1e-9);
    expect(Math.abs((result.value ?? NaN) - 0.4302445)).toBeLessThan(1e-7);
    expect(Math.abs((percentAgreement(diagnoses).value ?? NaN) - pBar)).toBeLessThan(1e-12);

    // The report's typed form gives the same.
    const matrix = matrixFromUnits(diagnoses, 6);
    expect(mostCommonRatingCount(matrix)).toBe(6);
    expect(Math.abs((evaluateAll(typedFleissKappa(matrix, 6)).value ?? NaN) - kappa)).toBeLessThan(1e-12);
  });
});

/**
 * Krippendorff's alpha straight from the paper's coincidence-matrix definitions, written out
 * independently of krippendorff-alpha.ts: o_ck = Σ_u (pairs c–k within u) / (m_u − 1),
 * n_c = Σ_k o_ck, α = 1 − (n.. − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 */
function alphaByCoincidences(units: readonly Unit<number>[], metric: 'nominal' | 'interval'): number {
  const o = new Map<string, number>();
  const values = new Set<number>();
  for (const unit of units) {
    const present = unit.filter((v): v is number => v !== null);
    const m = present.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const key = `${present[i]},${present[j]}`;
        o.set(key, (o.get(key) ?? 0) + 1 / (m - 1));
        values.add(present[i] as number);
      }
    }
  }
  const list = [...values];
  const nc = new Map(list.map((c) => [c, list.reduce((s, k) => s + (o.get(`${c},${k}`) ?? 0), 0)]));
  const total = [...nc.values()].reduce((s, x) => s + x, 0);
  const delta = (c: number, k: number) => (metric === 'nominal' ? (c === k ? 0 : 1) : (c - k) ** 2);
  let observed = 0;
  let expected = 0;
  for (const c of list) {
    for (const k of list) {
      observed += (o.get(`${c},${k}`) ?? 0) * delta(c, k);
      expected += (nc.get(c) ?? 0) * (nc.get(k) ?? 0) * delta(c, k);
    }
  }
  return 1 - ((total - 1) * observed) / expected;
}

describe('Krippendorff (2011) p. 8 data, as in the `krippendorff` package doctest', () => {
  const m = null;
  // Observers A–D as rows in the package; here units (columns there) are rows.
  const byObserver: Array<Array<number | null>> = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3],
    [m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m],
  ];
  const units: Unit<number>[] = (byObserver[0] ?? []).map((_, u) => byObserver.map((row) => row[u] ?? null));

  it('nominal: the coincidence formula, 113/152, published 0.743', () => {
    const exact = alphaByCoincidences(units, 'nominal');
    expect(Math.abs(exact - 113 / 152)).toBeLessThan(1e-12);
    expect(exact.toFixed(3)).toBe('0.743');
    expect(Math.abs((krippendorffAlpha(units, 'nominal').value ?? NaN) - exact)).toBeLessThan(1e-9);
    expect(Math.abs((evaluateAll(typedKrippendorffAlpha(matrixFromUnits(units, 4), 'nominal')).value ?? NaN) - exact)).toBeLessThan(1e-9);
  });

  it('interval: the coincidence formula, 951/1120, published 0.849', () => {
    const exact = alphaByCoincidences(units, 'interval');
    expect(Math.abs(exact - 951 / 1120)).toBeLessThan(1e-12);
    expect(exact.toFixed(3)).toBe('0.849');
    expect(Math.abs((krippendorffAlpha(units, 'interval').value ?? NaN) - exact)).toBeLessThan(1e-9);
    expect(Math.abs((evaluateAll(typedKrippendorffAlpha(matrixFromUnits(units, 4), 'interval')).value ?? NaN) - exact)).toBeLessThan(1e-9);
  });

  it('binary, two observers: the coincidence formula, 2/21, published 0.095', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const pairs = a.map((v, i) => [v, b[i] ?? null]);
    const exact = alphaByCoincidences(pairs, 'nominal');
    expect(Math.abs(exact - 2 / 21)).toBeLessThan(1e-12);
    expect(exact.toFixed(3)).toBe('0.095');
    expect(Math.abs((krippendorffAlpha(pairs, 'nominal').value ?? NaN) - exact)).toBeLessThan(1e-9);
  });
});

describe('the `krippendorff` package’s own test data (3 coders × 15 units, Wikipedia’s example)', () => {
  const m = null;
  const byCoder: Array<Array<number | null>> = [
    [m, m, m, m, m, 3, 4, 1, 2, 1, 1, 3, 3, m, 3],
    [1, m, 2, 1, 3, 3, 4, 3, m, m, m, m, m, m, m],
    [m, m, 2, 1, 3, 4, 4, m, 2, 1, 1, 3, 3, m, 4],
  ];
  const units: Unit<number>[] = (byCoder[0] ?? []).map((_, u) => byCoder.map((row) => row[u] ?? null));

  it('nominal 0.691358 and interval 0.810845 (rounded to 6 places, as the package asserts)', () => {
    expect((krippendorffAlpha(units, 'nominal').value ?? NaN).toFixed(6)).toBe('0.691358');
    expect((krippendorffAlpha(units, 'interval').value ?? NaN).toFixed(6)).toBe('0.810845');
    expect(Math.abs((krippendorffAlpha(units, 'nominal').value ?? NaN) - alphaByCoincidences(units, 'nominal'))).toBeLessThan(1e-9);
    expect(Math.abs((krippendorffAlpha(units, 'interval').value ?? NaN) - alphaByCoincidences(units, 'interval'))).toBeLessThan(1e-9);
  });
});

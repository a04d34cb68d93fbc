// Published worked examples, reproduced. Each test names its source; the exact fractions were
// derived by hand-checkable rational arithmetic from the published data.
import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa';
import { fleissKappa } from './fleiss-kappa';
import { krippendorffAlpha } from './krippendorff-alpha';
import { percentAgreement } from './percent-agreement';
import type { Unit } from './types';

/** Expand category counts per unit (one row per unit) into units of individual ratings. */
function fromCounts(rows: readonly (readonly number[])[]): Unit<number>[] {
  return rows.map((row) => row.flatMap((count, category) => Array<number>(count).fill(category + 1)));
}

describe('Fleiss (1971), Psychological Bulletin 76(5):378–382, Table 1', () => {
  // 30 patients, 6 psychiatrists each, 5 diagnoses (1 depression, 2 personality disorder,
  // 3 schizophrenia, 4 neurosis, 5 other); counts n_ij per patient. The same data ship as
  // `diagnoses` in R's irr package (kappam.fleiss → 0.430).
  const table1 = [
    [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
    [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
    [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
    [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
  ];
  const units = fromCounts(table1);

  it('κ = .430 as published (P̄ = .556, P̄e = .220); exactly 5437/12637', () => {
    const result = fleissKappa(units);
    expect(result.n).toBe(30);
    expect(result.raters).toBe(6);
    expect(Math.abs((result.value ?? NaN) - 0.43)).toBeLessThan(5e-4);
    // P̄ = 5/9, P̄e = 3563/16200, κ = (5/9 − 3563/16200) / (1 − 3563/16200) = 5437/12637.
    expect(result.value).toBeCloseTo(5437 / 12637, 9);
  });

  it('percent agreement is Fleiss’s P̄ = 5/9 (published .556)', () => {
    expect(percentAgreement(units)).toEqual({ value: expect.closeTo(5 / 9, 9) as number, n: 30 });
  });
});

describe('Wikipedia, "Fleiss\' kappa", worked example (10 subjects × 14 raters × 5 categories)', () => {
  // Not Fleiss's own data: the encyclopaedia's illustration, often misattributed to the 1971 paper.
  const rows = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
  ];

  it('κ ≈ 0.210 as shown there; exactly 4211/20059 ≈ 0.209931', () => {
    const result = fleissKappa(fromCounts(rows));
    expect(result).toMatchObject({ n: 10, raters: 14 });
    // P̄ = 172/455, P̄e = 417/1960.
    expect(result.value).toBeCloseTo(4211 / 20059, 9);
    expect(Math.abs((result.value ?? NaN) - 0.21)).toBeLessThan(5e-4);
  });
});

describe('Krippendorff (2011), "Computing Krippendorff\'s Alpha-Reliability"', () => {
  // Example "nominal data, any number of observers, missing data": observers A–D (columns)
  // × units 1–12 (rows). Unit 12 has a single value and is not pairable; n.. = 40 values.
  const m = null;
  const reliabilityData: Unit<number>[] = [
    [1, 1, m, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [m, 5, 5, 5], [m, m, 1, 1], [m, 3, m, m],
  ];

  it('α_nominal = 0.743 as published; exactly 113/152', () => {
    const result = krippendorffAlpha(reliabilityData, 'nominal');
    expect(result.n).toBe(11);
    expect(Math.abs((result.value ?? NaN) - 0.743)).toBeLessThan(5e-4);
    expect(result.value).toBeCloseTo(113 / 152, 9);
  });

  it('α_interval = 0.849 as published for the same data; exactly 951/1120', () => {
    const result = krippendorffAlpha(reliabilityData, 'interval');
    expect(result.n).toBe(11);
    expect(Math.abs((result.value ?? NaN) - 0.849)).toBeLessThan(5e-4);
    expect(result.value).toBeCloseTo(951 / 1120, 9);
  });

  it('binary data, two observers, no missing data: α = 0.095; exactly 2/21', () => {
    // Observer A: 0 1 0 0 0 0 0 0 1 0; observer B: 1 1 1 0 0 1 0 0 0 0 (units 1–10).
    // o_01 = o_10 = 4, n_0 = 14, n_1 = 6, n.. = 20: α = 1 − 19 · 4 / (14 · 6) = 2/21.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const result = krippendorffAlpha(a.map((v, i) => [v, b[i] ?? null]), 'nominal');
    expect(result.n).toBe(10);
    expect(Math.abs((result.value ?? NaN) - 0.095)).toBeLessThan(5e-4);
    expect(result.value).toBeCloseTo(2 / 21, 9);
  });

  it('nominal data, two observers, no missing data: α = 0.692; exactly 155/224', () => {
    // Observer A: a a b b d c c c e d d a; observer B: b a b b b c c c e d d d (units 1–12).
    // Off-diagonal coincidences: a–b 1, a–d 1, b–d 1 (each counted both ways), n.. = 24,
    // n_a = 4, n_b = 6, n_c = 6, n_d = 6, n_e = 2: α = 1 − 23 · 6 / (24² − 128) = 155/224.
    const a = 'a a b b d c c c e d d a'.split(' ');
    const b = 'b a b b b c c c e d d d'.split(' ');
    const result = krippendorffAlpha(a.map((v, i) => [v, b[i] ?? null]), 'nominal');
    expect(result.n).toBe(12);
    expect(Math.abs((result.value ?? NaN) - 0.692)).toBeLessThan(5e-4);
    expect(result.value).toBeCloseTo(155 / 224, 9);
  });
});

describe('Wikipedia, "Cohen\'s kappa", worked example (50 proposals, two readers)', () => {
  // Yes/yes 20, A yes B no 5, A no B yes 10, no/no 15: p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5.
  const a = [...Array<string>(25).fill('yes'), ...Array<string>(25).fill('no')];
  const b = [
    ...Array<string>(20).fill('yes'), ...Array<string>(5).fill('no'),
    ...Array<string>(10).fill('yes'), ...Array<string>(15).fill('no'),
  ];

  it('κ = 0.4 exactly', () => {
    const result = cohenKappa(a, b);
    expect(result.n).toBe(50);
    expect(result.value).toBeCloseTo(0.4, 12);
  });
});

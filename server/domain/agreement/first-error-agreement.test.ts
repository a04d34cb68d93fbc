import { describe, expect, it } from 'vitest';
import { firstErrorAgreement } from './first-error-agreement';
import { krippendorffAlpha } from './krippendorff-alpha';

describe('firstErrorAgreement', () => {
  it('averages per-item pair shares over items with ≥ 2 steps (hand-checked)', () => {
    const units = [
      [2, 2, 3], // pairs: 2–2 exact; 2–3 twice within one → exact 1/3, within-one 1
      [1, 4, null], // exact 0, within-one 0
      [0, null, null], // one step: dropped
      [null, null, null], // dropped
      [5, 5], // exact 1, within-one 1
    ];
    const result = firstErrorAgreement(units);
    expect(result.items).toBe(3);
    expect(result.exact).toBeCloseTo((1 / 3 + 0 + 1) / 3, 12); // 4/9
    expect(result.withinOne).toBeCloseTo((1 + 0 + 1) / 3, 12); // 2/3
    expect(result.alphaNominal).toEqual(krippendorffAlpha(units, 'nominal'));
    expect(result.alphaInterval).toEqual(krippendorffAlpha(units, 'interval'));
    expect(result.alphaNominal.n).toBe(3);
  });

  it('is null, not 0, with no item to compare', () => {
    expect(firstErrorAgreement([[1, null], []])).toEqual({
      items: 0,
      exact: null,
      withinOne: null,
      alphaNominal: { value: null, n: 0 },
      alphaInterval: { value: null, n: 0 },
    });
  });
});

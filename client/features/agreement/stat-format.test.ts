import { describe, expect, it } from 'vitest';
import { formatCi, formatCoefficient, formatN, formatPercent, krippendorffBand, landisKochBand } from './stat-format';

describe('stat-format', () => {
  it('writes an undefined statistic as a dash, never as 0', () => {
    expect(formatCoefficient(null)).toBe('—');
    expect(formatPercent(null)).toBe('—');
    expect(formatCoefficient(Number.NaN)).toBe('—');
    expect(formatCoefficient(0)).toBe('0.00');
    expect(formatPercent(0)).toBe('0%');
  });

  it('writes coefficients with a true minus sign and no negative zero', () => {
    expect(formatCoefficient(0.7234)).toBe('0.72');
    expect(formatCoefficient(-0.25)).toBe('−0.25');
    expect(formatCoefficient(-0.001)).toBe('0.00');
    expect(formatCoefficient(1, 3)).toBe('1.000');
  });

  it('writes intervals in the statistic’s own unit', () => {
    expect(formatCi([0.612, 0.834], 'coefficient')).toBe('95% CI 0.61 to 0.83');
    expect(formatCi([0.5, 0.75], 'percent')).toBe('95% CI 50% to 75%');
    expect(formatCi(null, 'percent')).toBeNull();
  });

  it('reads kappas in Landis & Koch bands, boundaries included in the lower band', () => {
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.6, 0.8, 0.81, 1].map(landisKochBand)).toEqual([
      'poor', 'slight', 'slight', 'fair', 'fair', 'moderate', 'substantial', 'almost perfect', 'almost perfect',
    ]);
    expect(landisKochBand(null)).toBeNull();
  });

  it('reads alphas against Krippendorff’s 0.667 and 0.800', () => {
    expect(krippendorffBand(0.8)).toMatch(/^reliable/);
    expect(krippendorffBand(0.7)).toMatch(/^tentative/);
    expect(krippendorffBand(0.666)).toMatch(/^not reliable/);
    expect(krippendorffBand(null)).toBeNull();
  });

  it('counts units in words', () => {
    expect(formatN(1)).toBe('n = 1 item');
    expect(formatN(0)).toBe('n = 0 items');
    expect(formatN(3, 'solution')).toBe('n = 3 solutions');
  });
});

import { describe, expect, it } from 'vitest';
import { parseQcRate } from './qc-rate';

describe('parseQcRate', () => {
  it('accepts numbers from 0 to 1 and names the field otherwise', () => {
    expect(parseQcRate(' 0.1 ')).toEqual({ ok: true, rate: 0.1 });
    expect(parseQcRate('.25')).toEqual({ ok: true, rate: 0.25 });
    expect(parseQcRate('1')).toEqual({ ok: true, rate: 1 });
    for (const bad of ['', '1.5', '-0.1', 'half', '1e-1']) {
      const result = parseQcRate(bad);
      expect(result.ok, bad).toBe(false);
      expect(!result.ok && result.message).toContain('QC rate');
    }
  });
});

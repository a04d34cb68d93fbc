import { describe, expect, it } from 'vitest';
import { headlineCards, isEmptyReport } from './headline-cards';
import { UNDEFINED_HINT } from './stat-format';
import { emptyReport, sampleReport } from './test-report';

describe('headlineCards', () => {
  it('gives each headline figure its value, interval, n and a plain reading', () => {
    const cards = Object.fromEntries(headlineCards(sampleReport()).map((c) => [c.id, c]));
    expect(cards['percent-agreement']).toMatchObject({ value: '83%', ci: '95% CI 60% to 100%', n: 'n = 12 items', undefined: false });
    expect(cards['fleiss-kappa']).toMatchObject({
      label: "Fleiss' κ (2 raters)", value: '0.62', ci: '95% CI 0.30 to 0.90', reading: 'Landis & Koch: substantial agreement beyond chance.',
    });
    expect(cards['krippendorff-alpha']?.reading).toBe("Krippendorff's bands for verdicts: tentative only (0.667 ≤ α < 0.800).");
    expect(cards['first-error']).toMatchObject({ value: '60% / 80%', n: 'n = 5 items' });
    expect(cards['error-type-alpha']).toMatchObject({ value: '0.45', reading: expect.stringMatching(/not reliable/) });
    expect(cards['orm-accuracy']).toMatchObject({ value: '70%', n: 'n = 10 solutions', reading: expect.stringMatching(/consensus/) });
    expect(cards['processbench-f1']).toMatchObject({ value: '55%', ci: null });
  });

  it('shows undefined statistics as a dash, flagged for the hint, never as 0', () => {
    const cards = headlineCards(emptyReport());
    expect(cards).toHaveLength(8);
    for (const card of cards) {
      expect(card.value).toMatch(/^—( \/ —)?$/);
      expect(card.undefined).toBe(true);
      expect(card.reading).toBe('Not enough data to say.');
    }
    expect(UNDEFINED_HINT).toMatch(/undefined for these data/);
    const stepRatings = headlineCards(sampleReport()).find((c) => c.id === 'step-ratings-alpha');
    expect(stepRatings).toMatchObject({ value: '—', undefined: true, n: 'n = 0 steps' });
  });
});

describe('headline card meta line', () => {
  it('says why a kappa has no interval when bootstrap is off, and never for plain ratios', () => {
    const report = sampleReport();
    report.filters.bootstrap = false;
    report.verdict.fleissKappa.ci95 = null;
    const cards = Object.fromEntries(headlineCards(report).map((c) => [c.id, c]));
    expect(cards['fleiss-kappa']?.meta).toBe('no interval (bootstrap off) · n = 12 items');
    expect(cards['orm-accuracy']?.meta).toBe('n = 10 solutions');
    expect(cards['step-ratings-alpha']?.meta).toBe('n = 0 steps');
    expect(headlineCards(sampleReport()).find((c) => c.id === 'fleiss-kappa')?.meta).toBe('95% CI 0.30 to 0.90 · n = 12 items');
  });
});

describe('isEmptyReport', () => {
  it('is true only when nothing at all was counted', () => {
    expect(isEmptyReport(emptyReport())).toBe(true);
    expect(isEmptyReport(sampleReport())).toBe(false);
    const oneAnnotation = emptyReport();
    oneAnnotation.annotators.push({ ...sampleReport().annotators[0]!, items: 1 });
    expect(isEmptyReport(oneAnnotation)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from './agreement-query';
import { mergeChoices, NO_CHOICES } from './filter-choices';
import { emptyReport, sampleReport } from './test-report';

describe('mergeChoices', () => {
  it('offers the rounds and annotators a report mentions, sorted', () => {
    expect(mergeChoices(NO_CHOICES, sampleReport(), DEFAULT_FILTERS)).toEqual({ rounds: [0, 1], annotators: ['ann1', 'ann2', 'ann3'] });
  });

  it('keeps earlier choices when a filtered report mentions fewer, and always offers the chosen value', () => {
    const seen = mergeChoices(NO_CHOICES, sampleReport(), DEFAULT_FILTERS);
    const narrowed = mergeChoices(seen, emptyReport(), { ...DEFAULT_FILTERS, round: 7, annotator: 'zoe' });
    expect(narrowed).toEqual({ rounds: [0, 1, 7], annotators: ['ann1', 'ann2', 'ann3', 'zoe'] });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_ORM_FORM, describeCounts, toStartRequest } from './orm-form';

const TEMPLATE = 'Judge {{question}} {{steps}}';

describe('toStartRequest', () => {
  it('turns the form into the start request; the unchanged default prompt is no override', () => {
    expect(toStartRequest({ ...DEFAULT_ORM_FORM, model: ' mathse-orm ', round: '2', promptTemplate: TEMPLATE }, TEMPLATE)).toEqual({
      ok: true, body: { endpoint: 'http://127.0.0.1:8000/v1', model: 'mathse-orm', concurrency: 4, round: 2, promptTemplate: null },
    });
    const custom = toStartRequest({ ...DEFAULT_ORM_FORM, model: 'm', promptTemplate: 'Mine {{question}} {{steps}}' }, TEMPLATE);
    expect(custom.ok && custom.body.promptTemplate).toBe('Mine {{question}} {{steps}}');
    expect(custom.ok && custom.body.round).toBeNull();
  });

  it('names each bad field', () => {
    expect(toStartRequest({ endpoint: 'ftp://h/v1', model: '', concurrency: 'lots', round: '-1', promptTemplate: '' }, TEMPLATE)).toEqual({
      ok: false,
      problems: {
        endpoint: 'the endpoint must be an http:// or https:// URL, e.g. http://127.0.0.1:8000/v1',
        model: 'the model name is required',
        concurrency: 'a whole number, e.g. 4',
        round: 'a whole number ≥ 0, or blank for every round',
      },
    });
    const tooMany = toStartRequest({ ...DEFAULT_ORM_FORM, model: 'm', concurrency: '99' }, TEMPLATE);
    expect(tooMany.ok).toBe(false);
    expect(!tooMany.ok && tooMany.problems.concurrency).toMatch(/32/);
  });
});

describe('describeCounts', () => {
  it('reads as a sentence', () => {
    expect(describeCounts({ counts: { total: 40, sent: 13, done: 12, stored: 10, unparseable: 1, failed: 1, skippedAlreadyJudged: 5 } }))
      .toBe('12 of 40 done — 10 stored, 1 unparseable, 1 failed; 5 already judged');
  });
});

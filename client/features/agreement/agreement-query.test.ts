import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, describeTarget, drillQuery, pageQuery, parseFilters, reportQuery } from './agreement-query';

describe('agreement filters in the URL', () => {
  it('round-trips every filter through the page URL', () => {
    const filters = { round: 2, subject: 'metric geometry - angle', annotator: 'annotator1', bootstrap: false };
    expect(parseFilters(`?${pageQuery(filters)}`)).toEqual(filters);
  });

  it('keeps the plain page URL plain and reads it as the defaults', () => {
    expect(pageQuery(DEFAULT_FILTERS)).toBe('');
    expect(parseFilters('')).toEqual(DEFAULT_FILTERS);
  });

  it('drops unreadable values from a pasted URL instead of guessing', () => {
    expect(parseFilters('?round=-1&subject=%20%20&annotator=&bootstrap=maybe')).toEqual(DEFAULT_FILTERS);
    expect(parseFilters('?round=1.5').round).toBeNull();
    expect(parseFilters('?round=0').round).toBe(0);
  });

  it('always tells the server whether to bootstrap', () => {
    expect(reportQuery(DEFAULT_FILTERS)).toBe('bootstrap=true');
    expect(reportQuery({ ...DEFAULT_FILTERS, round: 1, bootstrap: false })).toBe('round=1&bootstrap=false');
  });
});

describe('drill-down queries', () => {
  const filters = { round: 1, subject: 'algebra', annotator: null, bootstrap: true };

  it('names the cell and its coordinates with the report’s filters', () => {
    expect(new URLSearchParams(drillQuery({ cell: 'confusion', human: 'incorrect', orm: 'correct' }, filters)).toString())
      .toBe('round=1&subject=algebra&cell=confusion&human=incorrect&orm=correct');
    expect(drillQuery({ cell: 'pair', a: 'a b', b: 'c&d' }, DEFAULT_FILTERS)).toBe('cell=pair&a=a+b&b=c%26d');
    expect(drillQuery({ cell: 'transition', from: 0, to: 1, transition: 'incorrectToCorrect' }, DEFAULT_FILTERS))
      .toBe('cell=transition&from=0&to=1&transition=incorrectToCorrect');
    expect(drillQuery({ cell: 'qc', name: 'ann1' }, DEFAULT_FILTERS)).toBe('cell=qc&name=ann1');
    expect(drillQuery({ cell: 'errorType', errorType: 'calculation' }, DEFAULT_FILTERS)).toBe('cell=errorType&errorType=calculation');
  });

  it('lets a cell’s own round win over the round filter', () => {
    const params = new URLSearchParams(drillQuery({ cell: 'confusion', human: 'correct', orm: 'incorrect', round: 3 }, filters));
    expect(params.getAll('round')).toEqual(['3']);
  });

  it('says in words what a panel lists', () => {
    expect(describeTarget({ cell: 'confusion', human: 'correct', orm: 'incorrect', round: 0 })).toBe('Human correct, ORM incorrect (round 0)');
    expect(describeTarget({ cell: 'transition', from: 0, to: 1, transition: 'correctToIncorrect' }))
      .toBe('Problems correct → incorrect from round 0 to round 1');
    expect(describeTarget({ cell: 'annotator', name: 'ann1' })).toBe('Submitted by ann1');
  });
});

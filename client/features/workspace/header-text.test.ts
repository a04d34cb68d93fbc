import { describe, expect, it } from 'vitest';
import { formatDuration, queueProgress } from './header-text';

describe('header text', () => {
  it('writes active time as mm:ss, with hours when it comes to that', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65_999)).toBe('01:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('00:00');
  });

  it('counts what the caller did against the project', () => {
    expect(queueProgress({ solutions: 73, mine: 12 })).toEqual({ done: 12, left: 61, percent: 16, text: '12 done · 61 left' });
    expect(queueProgress({ solutions: 0, mine: 0 })).toMatchObject({ percent: 0, text: '0 done · 0 left' });
  });
});

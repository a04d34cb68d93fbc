import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatRelative } from './format-time';

describe('format time', () => {
  it('formats durations as m:ss under an hour and h:mm:ss from an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(999)).toBe('0:01');
    expect(formatDuration(61_000)).toBe('1:01');
    expect(formatDuration(59 * 60_000 + 59_000)).toBe('59:59');
    expect(formatDuration(3_600_000)).toBe('1:00:00');
    expect(formatDuration(3_600_000 * 26 + 5 * 60_000 + 7_000)).toBe('26:05:07');
    expect(formatDuration(-5)).toBe('0:00');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-03-12T12:00:00Z');
    const ago = (ms: number) => new Date(now - ms).toISOString();
    expect(formatRelative(null, now)).toBe('never');
    expect(formatRelative(ago(10_000), now)).toBe('just now');
    expect(formatRelative(ago(5 * 60_000), now)).toBe('5 min ago');
    expect(formatRelative(ago(3 * 3_600_000), now)).toBe('3 h ago');
    expect(formatRelative(ago(26 * 3_600_000), now)).toBe('yesterday');
    expect(formatRelative(ago(5 * 86_400_000), now)).toBe('5 days ago');
    expect(formatRelative(ago(90 * 86_400_000), now)).toBe(formatDate(ago(90 * 86_400_000)));
    expect(formatRelative('not a time', now)).toBe('not a time');
  });
});

import { describe, expect, it } from 'vitest';
import { assignSplit, splitDraw } from './split';

const ids = Array.from({ length: 2000 }, (_, i) => `p-${i}`);

describe('assignSplit', () => {
  it('is a pure function of seed and problem id', () => {
    expect(ids.map((id) => assignSplit('7', id, 0.3))).toEqual(ids.map((id) => assignSplit('7', id, 0.3)));
  });

  it('draws uniformly in [0, 1)', () => {
    const draws = ids.map((id) => splitDraw('0', id));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const val = ids.filter((id) => assignSplit('0', id, 0.05) === 'val');
    // 5% of 2000 = 100; a fair draw stays well within ±40.
    expect(val.length).toBeGreaterThan(60);
    expect(val.length).toBeLessThan(140);
  });

  it.each([
    [0, 0],
    [1, ids.length],
  ])('fraction %d puts %d problems in val', (fraction, expected) => {
    expect(ids.filter((id) => assignSplit('s', id, fraction) === 'val')).toHaveLength(expected);
  });

  it('changes with the seed', () => {
    const a = ids.map((id) => assignSplit('1', id, 0.5));
    const b = ids.map((id) => assignSplit('2', id, 0.5));
    expect(a).not.toEqual(b);
  });

  it('only moves problems from train to val when the fraction grows', () => {
    for (const id of ids) {
      if (assignSplit('9', id, 0.1) === 'val') expect(assignSplit('9', id, 0.2)).toBe('val');
    }
  });

  it('keeps known draws stable across versions', () => {
    // Pinned: changing the hash input format would silently reshuffle every user's split.
    expect(splitDraw('0', 'p-001')).toBe(0.012863448693320123);
    expect(splitDraw('42', 'geo-17')).toBe(0.15160408820104365);
    expect(assignSplit('0', 'p-001', 0.05)).toBe('val');
    expect(assignSplit('42', 'geo-17', 0.05)).toBe('train');
  });
});

import { describe, expect, it } from 'vitest';
import type { Region } from '../../../shared/schemas/annotation';
import { numberRegions, regionTitle, stepForNewRegion, stepText } from './region-numbering';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);
const region = (id: string, imageSha256: string, stepIndex?: number): Region => ({
  id,
  imageSha256,
  kind: 'box',
  points: [[0, 0], [1, 1]],
  ...(stepIndex === undefined ? {} : { stepIndex }),
});

describe('region numbering', () => {
  it('numbers across images in store order and groups by image', () => {
    const groups = numberRegions([region('1', a), region('2', b), region('3', a), region('x', 'c'.repeat(64))], [{ sha256: a }, { sha256: b }]);
    expect(groups.get(a)?.map((n) => [n.region.id, n.number])).toEqual([['1', 1], ['3', 3]]);
    expect(groups.get(b)?.map((n) => n.number)).toEqual([2]);
  });

  it('names list items "Region i: kind · Step n" (1-based)', () => {
    expect(regionTitle({ region: region('1', a, 1), number: 4 })).toBe('Region 4: box · Step 2');
    expect(stepText(undefined)).toBe('No step');
  });

  it('ties new regions to the focused step, within the steps', () => {
    expect(stepForNewRegion(2, 5)).toBe(2);
    expect(stepForNewRegion(9, 5)).toBe(4);
    expect(stepForNewRegion(0, 0)).toBeUndefined();
  });
});

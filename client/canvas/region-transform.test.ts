import { describe, expect, it } from 'vitest';
import { fitImage } from './coords';
import { applyMatrix, deltaMatrix, invert, isTranslation, multiply, pointsAfterTransform, type Matrix } from './region-transform';

const layout = fitImage({ width: 1000, height: 500 }, { width: 500, height: 250 }); // scale 0.5
const at = (x: number, y: number, scale = 1): Matrix => [scale, 0, 0, scale, x, y];

describe('region transform', () => {
  it('inverts and multiplies affine matrices', () => {
    const m: Matrix = [2, 0.5, -0.3, 1.5, 10, -4];
    const identity = multiply(m, invert(m));
    identity.forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0, 1, 0, 0][i] as number, 12));
    expect(applyMatrix([1, 1], at(3, 4, 2))).toEqual([5, 6]);
  });

  it('recognises a pure move', () => {
    expect(isTranslation(deltaMatrix(at(10, 10), at(60, 35)))).toBe(true);
    expect(isTranslation(deltaMatrix(at(10, 10), at(10, 10, 2)))).toBe(false);
  });

  it('moves every point by the scene delta, in normalised units', () => {
    const box = { kind: 'box' as const, points: [[0.1, 0.1], [0.3, 0.2]] as [number, number][] };
    // 50 scene px = 0.1 of a 500 px wide display; 25 px = 0.1 of 250 px high.
    expect(pointsAfterTransform(box, layout, at(100, 100), at(150, 125))).toEqual([[0.2, 0.2], [0.4, 0.3]]);
  });

  it('stops a moved shape at the image edge without squashing it', () => {
    const arrow = { kind: 'arrow' as const, points: [[0.8, 0.5], [0.9, 0.6]] as [number, number][] };
    expect(pointsAfterTransform(arrow, layout, at(0, 0), at(400, -400))).toEqual([[0.9, 0], [1, 0.1]]);
  });

  it('scales points about the object centre and keeps box corners ordered', () => {
    const box = { kind: 'box' as const, points: [[0.2, 0.2], [0.4, 0.4]] as [number, number][] };
    // Object centre at scene (150, 75) = normalised (0.3, 0.3); scaling ×2 about it.
    const before = at(150, 75);
    const after: Matrix = [2, 0, 0, 2, 150, 75];
    expect(pointsAfterTransform(box, layout, before, after)).toEqual([[0.1, 0.1], [0.5, 0.5]]);
    const flipped: Matrix = [-1, 0, 0, 1, 150, 75];
    expect(pointsAfterTransform(box, layout, before, flipped)).toEqual([[0.2, 0.2], [0.4, 0.4]]);
  });

  it('clamps resized points that leave the image', () => {
    const polygon = { kind: 'polygon' as const, points: [[0.1, 0.5], [0.5, 0.9], [0.9, 0.5]] as [number, number][] };
    const centre = at(250, 125); // normalised (0.5, 0.5)
    const points = pointsAfterTransform(polygon, layout, centre, [3, 0, 0, 3, 250, 125]);
    expect(points).toEqual([[0, 0.5], [0.5, 1], [1, 0.5]]);
  });
});

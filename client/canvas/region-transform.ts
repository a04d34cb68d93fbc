import { displayedSize, normalisePoint, normalisedToScene, sceneToNormalised, type ImageLayout, type Point } from './coords';
import { boxCorners } from './tools/box-tool';
import type { RegionKind } from './tools/tool';

/**
 * Writing a moved or resized region back as data. fabric reports an object's transform as a 2D
 * affine matrix `[a, b, c, d, e, f]` (x' = a·x + c·y + e, y' = b·x + d·y + f, scene px); the
 * change since the object was drawn is `after · before⁻¹`, applied to the region's points.
 * Pure: tested in node.
 */
export type Matrix = [number, number, number, number, number, number];

/** `m1 · m2`: applies m2 first, then m1. */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

export function invert([a, b, c, d, e, f]: Matrix): Matrix {
  const det = a * d - b * c || 1e-12;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

export function applyMatrix([x, y]: readonly [number, number], [a, b, c, d, e, f]: Matrix): Point {
  return [a * x + c * y + e, b * x + d * y + f];
}

/** The transform that takes an object from `before` to `after`. */
export const deltaMatrix = (before: Matrix, after: Matrix): Matrix => multiply(after, invert(before));

const EPSILON = 1e-9;
export const isTranslation = ([a, b, c, d]: Matrix) =>
  Math.abs(a - 1) < EPSILON && Math.abs(b) < EPSILON && Math.abs(c) < EPSILON && Math.abs(d - 1) < EPSILON;

/**
 * A region's stored points after its fabric object went from `before` to `after`. A move keeps
 * the shape whole and stops at the image's edges; a resize clamps each point to the image. Box
 * corners come back as [[minX, minY], [maxX, maxY]].
 */
export function pointsAfterTransform(
  region: { kind: RegionKind; points: Point[] },
  layout: ImageLayout,
  before: Matrix,
  after: Matrix,
): Point[] {
  const delta = deltaMatrix(before, after);
  let points: Point[];
  if (isTranslation(delta)) {
    const { width, height } = displayedSize(layout);
    const xs = region.points.map((p) => p[0]);
    const ys = region.points.map((p) => p[1]);
    const dx = Math.min(1 - Math.max(...xs), Math.max(-Math.min(...xs), delta[4] / width));
    const dy = Math.min(1 - Math.max(...ys), Math.max(-Math.min(...ys), delta[5] / height));
    points = region.points.map(([x, y]) => normalisePoint([x + dx, y + dy]));
  } else {
    points = region.points.map((p) => sceneToNormalised(applyMatrix(normalisedToScene(p, layout), delta), layout));
  }
  return region.kind === 'box' && points.length === 2 ? boxCorners(points[0] as Point, points[1] as Point) : points;
}

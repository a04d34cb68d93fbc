import type { Point } from '../coords';
import { DragTool } from './drag-tool';

/** Corners of the box spanned by two points: [[minX, minY], [maxX, maxY]]. */
export function boxCorners(a: Point, b: Point): Point[] {
  return [
    [Math.min(a[0], b[0]), Math.min(a[1], b[1])],
    [Math.max(a[0], b[0]), Math.max(a[1], b[1])],
  ];
}

/**
 * Box: press at one corner, drag, release at the other. A click (or a drag thinner than the
 * tolerance either way) makes nothing. Emits `{kind: 'box', points: [[minX, minY], [maxX, maxY]]}`.
 */
export class BoxTool extends DragTool<'box'> {
  readonly kind = 'box' as const;

  protected pointsFor(a: Point, b: Point): Point[] {
    return boxCorners(a, b);
  }

  protected tooSmall(a: Point, b: Point): boolean {
    const [tx, ty] = this.tolerance;
    return Math.abs(a[0] - b[0]) < tx || Math.abs(a[1] - b[1]) < ty;
  }
}

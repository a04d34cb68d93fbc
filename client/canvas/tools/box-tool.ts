import type { Point } from '../coords';
import { DEFAULT_TOLERANCE, clean, type DrawingTool, type DrawnShape, type ToolPreview } from './tool';

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
export class BoxTool implements DrawingTool {
  readonly kind = 'box' as const;
  private tolerance: Point = DEFAULT_TOLERANCE;
  private drag: { start: Point; current: Point } | null = null;

  get busy() {
    return this.drag !== null;
  }

  setTolerance(tolerance: Point) {
    this.tolerance = tolerance;
  }

  down(point: Point) {
    const p = clean(point);
    this.drag = { start: p, current: p };
    return null;
  }

  move(point: Point) {
    if (this.drag) this.drag.current = clean(point);
    return null;
  }

  up(point: Point): DrawnShape | null {
    if (!this.drag) return null;
    const [min, max] = boxCorners(this.drag.start, clean(point)) as [Point, Point];
    this.drag = null;
    const [tx, ty] = this.tolerance;
    if (max[0] - min[0] < tx || max[1] - min[1] < ty) return null;
    return { kind: 'box', points: [min, max] };
  }

  doubleClick(_point: Point) {
    return null;
  }

  key(key: string) {
    if (key === 'Escape') this.cancel();
    return null;
  }

  preview(): ToolPreview | null {
    return this.drag ? { kind: 'box', points: boxCorners(this.drag.start, this.drag.current) } : null;
  }

  cancel() {
    this.drag = null;
  }
}

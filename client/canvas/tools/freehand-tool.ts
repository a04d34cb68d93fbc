import type { Point } from '../coords';
import { capPoints, pointDistance, simplifyPath } from './simplify-path';
import { DEFAULT_TOLERANCE, clean, isNear, type DrawingTool, type DrawnShape, type ToolPreview } from './tool';

/** Points closer than this (normalised) to the last kept one are dropped while drawing. */
export const FREEHAND_MIN_STEP = 0.002;
/** After the stroke, points within this of the simplified line go (Ramer–Douglas–Peucker). */
export const FREEHAND_EPSILON = 0.0005;
/** A stroke never stores more points than this. */
export const FREEHAND_MAX_POINTS = 2000;

/**
 * Freehand: press, drag, release. Points are thinned while drawing, simplified at the end and
 * capped; a stroke that never leaves the tolerance around its start (a click) makes nothing.
 * Emits `{kind: 'freehand', points}` in drawing order.
 */
export class FreehandTool implements DrawingTool {
  readonly kind = 'freehand' as const;
  private tolerance: Point = DEFAULT_TOLERANCE;
  private stroke: { points: Point[]; left: boolean } | null = null;

  get busy() {
    return this.stroke !== null;
  }

  setTolerance(tolerance: Point) {
    this.tolerance = tolerance;
  }

  down(point: Point) {
    this.stroke = { points: [clean(point)], left: false };
    return null;
  }

  move(point: Point) {
    if (this.stroke) this.add(clean(point));
    return null;
  }

  up(point: Point): DrawnShape | null {
    if (!this.stroke) return null;
    const p = clean(point);
    const { points } = this.stroke;
    if (!isNear(p, points[0] as Point, this.tolerance)) this.stroke.left = true;
    const { left } = this.stroke;
    this.stroke = null;
    // The stroke ends where the pointer was released: that point replaces a kept one too close to it.
    const last = points.at(-1) as Point;
    if (points.length > 1 && pointDistance(p, last) < FREEHAND_MIN_STEP) points[points.length - 1] = p;
    else if (last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    if (!left || points.length < 2) return null;
    return { kind: 'freehand', points: capPoints(simplifyPath(points, FREEHAND_EPSILON), FREEHAND_MAX_POINTS) };
  }

  doubleClick(_point: Point) {
    return null;
  }

  key(key: string) {
    if (key === 'Escape') this.cancel();
    return null;
  }

  preview(): ToolPreview | null {
    return this.stroke ? { kind: 'freehand', points: this.stroke.points } : null;
  }

  cancel() {
    this.stroke = null;
  }

  private add(p: Point) {
    const stroke = this.stroke as { points: Point[]; left: boolean };
    const start = stroke.points[0] as Point;
    if (!isNear(p, start, this.tolerance)) stroke.left = true;
    const last = stroke.points.at(-1) as Point;
    // While drawing the cap is generous; the final cap applies after simplification.
    if (pointDistance(p, last) >= FREEHAND_MIN_STEP && stroke.points.length < FREEHAND_MAX_POINTS * 4) stroke.points.push(p);
  }
}

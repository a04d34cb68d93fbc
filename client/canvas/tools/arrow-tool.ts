import type { Point } from '../coords';
import { DEFAULT_TOLERANCE, clean, isNear, type DrawingTool, type DrawnShape, type ToolPreview } from './tool';

/**
 * Arrow: press at the tail, drag, release at the head. Shorter than the tolerance makes nothing.
 * Emits `{kind: 'arrow', points: [tail, head]}`.
 */
export class ArrowTool implements DrawingTool {
  readonly kind = 'arrow' as const;
  private tolerance: Point = DEFAULT_TOLERANCE;
  private drag: { tail: Point; head: Point } | null = null;

  get busy() {
    return this.drag !== null;
  }

  setTolerance(tolerance: Point) {
    this.tolerance = tolerance;
  }

  down(point: Point) {
    const p = clean(point);
    this.drag = { tail: p, head: p };
    return null;
  }

  move(point: Point) {
    if (this.drag) this.drag.head = clean(point);
    return null;
  }

  up(point: Point): DrawnShape | null {
    if (!this.drag) return null;
    const { tail } = this.drag;
    const head = clean(point);
    this.drag = null;
    if (isNear(tail, head, this.tolerance)) return null;
    return { kind: 'arrow', points: [tail, head] };
  }

  doubleClick(_point: Point) {
    return null;
  }

  key(key: string) {
    if (key === 'Escape') this.cancel();
    return null;
  }

  preview(): ToolPreview | null {
    return this.drag ? { kind: 'arrow', points: [this.drag.tail, this.drag.head] } : null;
  }

  cancel() {
    this.drag = null;
  }
}

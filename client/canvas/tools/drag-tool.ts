import type { Point } from '../coords';
import { DEFAULT_TOLERANCE, clean, type DrawingTool, type DrawnShape, type ToolPreview } from './tool';

/**
 * A tool drawn by one drag: press at one point, drag, release at the other (box, arrow). The
 * subclass says which points the drag makes and whether the drag was long enough to count.
 */
export abstract class DragTool<K extends 'box' | 'arrow'> implements DrawingTool {
  abstract readonly kind: K;
  protected tolerance: Point = DEFAULT_TOLERANCE;
  private drag: { start: Point; current: Point } | null = null;

  /** The region's points for a drag from `start` to `end`. */
  protected abstract pointsFor(start: Point, end: Point): Point[];
  /** Too small to be meant (a click, a jitter): nothing is made. */
  protected abstract tooSmall(start: Point, end: Point): boolean;

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
    const { start } = this.drag;
    const end = clean(point);
    this.drag = null;
    return this.tooSmall(start, end) ? null : { kind: this.kind, points: this.pointsFor(start, end) };
  }

  doubleClick(_point: Point) {
    return null;
  }

  key(key: string) {
    if (key === 'Escape') this.cancel();
    return null;
  }

  preview(): ToolPreview | null {
    return this.drag ? { kind: this.kind, points: this.pointsFor(this.drag.start, this.drag.current) } : null;
  }

  cancel() {
    this.drag = null;
  }
}

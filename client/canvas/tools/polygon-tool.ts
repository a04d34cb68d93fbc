import type { Point } from '../coords';
import { DEFAULT_TOLERANCE, clean, isNear, type DrawingTool, type DrawnShape, type ToolPreview } from './tool';

/** A polygon needs this many vertices to close. */
export const MIN_POLYGON_VERTICES = 3;
/** Further clicks are ignored past this many vertices. */
export const MAX_POLYGON_VERTICES = 500;

/**
 * Polygon: each press adds a vertex; it closes on a double-click, on Enter, or on a press at the
 * first vertex, once it has at least 3 vertices. A press on the last vertex adds nothing (that is
 * the second press of a double-click). Escape cancels; Backspace removes the last vertex.
 * Emits `{kind: 'polygon', points: vertices}` (open list; the closing edge is implied).
 */
export class PolygonTool implements DrawingTool {
  readonly kind = 'polygon' as const;
  private tolerance: Point = DEFAULT_TOLERANCE;
  private vertices: Point[] = [];
  private cursor: Point | null = null;

  get busy() {
    return this.vertices.length > 0;
  }

  setTolerance(tolerance: Point) {
    this.tolerance = tolerance;
  }

  down(point: Point): DrawnShape | null {
    const p = clean(point);
    this.cursor = p;
    const first = this.vertices[0];
    const last = this.vertices.at(-1);
    if (first && this.vertices.length >= MIN_POLYGON_VERTICES && isNear(p, first, this.tolerance)) return this.close();
    if (last && isNear(p, last, this.tolerance)) return null;
    if (this.vertices.length < MAX_POLYGON_VERTICES) this.vertices.push(p);
    return null;
  }

  move(point: Point) {
    if (this.busy) this.cursor = clean(point);
    return null;
  }

  up(_point: Point) {
    return null;
  }

  doubleClick(_point: Point): DrawnShape | null {
    return this.close();
  }

  key(key: string): DrawnShape | null {
    if (key === 'Enter') return this.close();
    if (key === 'Escape') this.cancel();
    if (key === 'Backspace') this.vertices.pop();
    return null;
  }

  preview(): ToolPreview | null {
    if (!this.busy) return null;
    const points = [...this.vertices];
    const last = points.at(-1);
    if (this.cursor && last && !isNear(this.cursor, last, this.tolerance)) points.push(this.cursor);
    return { kind: 'polygon', points };
  }

  cancel() {
    this.vertices = [];
    this.cursor = null;
  }

  private close(): DrawnShape | null {
    if (this.vertices.length < MIN_POLYGON_VERTICES) return null;
    const shape: DrawnShape = { kind: 'polygon', points: this.vertices };
    this.cancel();
    return shape;
  }
}

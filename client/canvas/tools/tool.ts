import type { Region } from '../../../shared/schemas/annotation';
import { normalisePoint, type Point } from '../coords';

/**
 * Drawing tools are small state machines over image-normalised points (0..1 of the natural
 * image size): the canvas feeds them pointer and key events already converted by `coords`, and
 * they answer with the finished shape, if any. No DOM, no fabric — tested in node.
 */

export type RegionKind = Region['kind'];

/** What a tool emits; the host adds `id`, `imageSha256` and `stepIndex`. */
export interface DrawnShape {
  kind: RegionKind;
  points: Point[];
}

/** The in-progress shape to draw while the pointer moves. */
export interface ToolPreview {
  kind: RegionKind;
  points: Point[];
}

/** Keys a tool may act on while it is busy. */
export type ToolKey = 'Enter' | 'Escape' | 'Backspace';

export interface DrawingTool {
  readonly kind: RegionKind;
  /** True while a shape is in progress (then Enter/Escape/Backspace belong to the tool). */
  readonly busy: boolean;
  /**
   * Normalised distance along x and y that counts as "the same place" (a few screen pixels at
   * the current zoom; see `toleranceFor`). Below it a drag is a click.
   */
  setTolerance(tolerance: Point): void;
  down(point: Point): DrawnShape | null;
  move(point: Point): DrawnShape | null;
  up(point: Point): DrawnShape | null;
  doubleClick(point: Point): DrawnShape | null;
  key(key: ToolKey): DrawnShape | null;
  preview(): ToolPreview | null;
  /** Drops anything in progress (tool switched, canvas disposed). */
  cancel(): void;
}

/** Default tolerance before the host sets one: 0.5% of the image each way. */
export const DEFAULT_TOLERANCE: Point = [0.005, 0.005];

/** Whether two points are within the tolerance ellipse of each other. */
export function isNear(a: Point, b: Point, [tx, ty]: Point): boolean {
  const dx = (a[0] - b[0]) / tx;
  const dy = (a[1] - b[1]) / ty;
  return dx * dx + dy * dy <= 1;
}

/** Clamps and rounds an incoming point so tools only ever hold storable values. */
export const clean = (point: Point): Point => normalisePoint(point);

import type { Point } from '../coords';
import { DragTool } from './drag-tool';
import { isNear } from './tool';

/**
 * Arrow: press at the tail, drag, release at the head. Shorter than the tolerance makes nothing.
 * Emits `{kind: 'arrow', points: [tail, head]}`.
 */
export class ArrowTool extends DragTool<'arrow'> {
  readonly kind = 'arrow' as const;

  protected pointsFor(tail: Point, head: Point): Point[] {
    return [tail, head];
  }

  protected tooSmall(tail: Point, head: Point): boolean {
    return isNear(tail, head, this.tolerance);
  }
}

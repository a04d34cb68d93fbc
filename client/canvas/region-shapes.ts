import { FabricText, Path, Polygon, Polyline, Rect, type FabricObject } from 'fabric';
import type { Point } from './coords';
import { withAlpha } from './palette';
import type { RegionKind } from './tools/tool';

/**
 * fabric objects for regions, built from scene points (see coords). Sizes that should look the
 * same at any zoom (stroke, label, arrow head) are given in screen px and divided by the zoom,
 * so the canvas rebuilds objects when the zoom changes. Origins are always set explicitly:
 * fabric 7 defaults to 'center'.
 */
export interface ShapeStyle {
  colour: string;
  zoom: number;
  /** The in-progress shape of a drawing tool: dashed, not interactive. */
  preview?: boolean;
}

const STROKE_PX = 2;
const LABEL_PX = 12;
const ARROW_HEAD_PX = 14;

const xy = (points: Point[]) => points.map(([x, y]) => ({ x, y }));

/** The path of an arrow: the shaft, then two barbs at the head (scene px). */
export function arrowPath([tx, ty]: Point, [hx, hy]: Point, headLength: number): string {
  const angle = Math.atan2(hy - ty, hx - tx);
  const length = Math.min(headLength, Math.hypot(hx - tx, hy - ty) * 0.5);
  const barb = (side: number): Point => [hx - length * Math.cos(angle + side * 0.45), hy - length * Math.sin(angle + side * 0.45)];
  const [l, r] = [barb(1), barb(-1)];
  return `M ${tx} ${ty} L ${hx} ${hy} M ${l[0]} ${l[1]} L ${hx} ${hy} L ${r[0]} ${r[1]}`;
}

/** The fabric object for a region of `kind` with these scene points. */
export function buildShape(kind: RegionKind, points: Point[], style: ShapeStyle): FabricObject {
  const strokeWidth = STROKE_PX / style.zoom;
  const common = {
    stroke: style.colour,
    strokeWidth,
    strokeUniform: true,
    strokeLineCap: 'round' as const,
    strokeLineJoin: 'round' as const,
    strokeDashArray: style.preview ? [6 / style.zoom, 4 / style.zoom] : null,
    objectCaching: false,
    selectable: !style.preview,
    evented: !style.preview,
    lockRotation: true,
    lockSkewingX: true,
    lockSkewingY: true,
    hasBorders: true,
    borderColor: style.colour,
    cornerColor: style.colour,
    cornerStrokeColor: '#ffffff',
    transparentCorners: false,
    cornerSize: 9,
    padding: 4 / style.zoom,
  };
  const fill = withAlpha(style.colour, 0.12);
  let shape: FabricObject;
  if (kind === 'box') {
    const [[x1, y1], [x2, y2]] = [points[0] ?? [0, 0], points[1] ?? points[0] ?? [0, 0]];
    shape = new Rect({
      ...common,
      originX: 'center',
      originY: 'center',
      left: (x1 + x2) / 2,
      top: (y1 + y2) / 2,
      width: Math.abs(x2 - x1),
      height: Math.abs(y2 - y1),
      fill,
    });
  } else if (kind === 'polygon') {
    // A preview polygon is open: the last edge follows the pointer.
    shape = style.preview ? new Polyline(xy(points), { ...common, fill }) : new Polygon(xy(points), { ...common, fill });
  } else if (kind === 'arrow') {
    shape = new Path(arrowPath(points[0] ?? [0, 0], points[1] ?? points[0] ?? [0, 0], ARROW_HEAD_PX / style.zoom), { ...common, fill: '' });
  } else {
    shape = new Polyline(xy(points), { ...common, fill: '' });
  }
  shape.setControlsVisibility({ mtr: false });
  return shape;
}

/** Where a region's step label sits: inside a box's top-left corner, else beside the first point. */
export function labelAnchor(kind: RegionKind, points: Point[]): Point {
  const [first = [0, 0], second = first] = points;
  return kind === 'box' ? [Math.min(first[0], second[0]), Math.min(first[1], second[1])] : first;
}

/** The "S{n}" tag drawn on a region; never interactive (clicks pass through to the shape). */
export function buildLabel(text: string, [x, y]: Point, style: ShapeStyle): FabricText {
  return new FabricText(text, {
    originX: 'left',
    originY: 'top',
    left: x + 2 / style.zoom,
    top: y + 2 / style.zoom,
    fontSize: LABEL_PX / style.zoom,
    fontFamily: 'system-ui, sans-serif',
    fontWeight: 'bold',
    fill: '#ffffff',
    backgroundColor: style.colour,
    selectable: false,
    evented: false,
    objectCaching: false,
  });
}

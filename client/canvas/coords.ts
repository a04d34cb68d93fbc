/**
 * The one place that converts diagram geometry between its three spaces:
 *
 * - **normalised**: what is stored (SPEC §2) — x and y in 0..1 of the image's *natural* width and
 *   height, (0, 0) at the image's top-left corner, rounded to 1e-4.
 * - **scene**: canvas pixels at zoom 1. The image is fitted into the canvas (never cropped) and
 *   centred; `ImageLayout` says where it sits and at what scale (scene px per natural px).
 * - **viewport**: pixels on screen inside the canvas element, after zoom and pan:
 *   `viewport = scene × zoom + pan` (fabric's viewportTransform `[zoom, 0, 0, zoom, panX, panY]`).
 *
 * Pure functions, no DOM, no fabric: tested in node.
 */

export type Point = [number, number];

export interface Size {
  width: number;
  height: number;
}

/** Where the image sits in scene pixels. `scale` = scene px per natural image px. */
export interface ImageLayout {
  natural: Size;
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** Zoom (1 = fitted) and pan (viewport px). */
export interface View {
  zoom: number;
  panX: number;
  panY: number;
}

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 8;
/** Stored coordinates are rounded to this step (1e-4 of the image ≈ 0.1 px on a 1000 px image). */
export const PRECISION = 1e-4;
const STEPS = 1 / PRECISION;

export const IDENTITY_VIEW: View = { zoom: 1, panX: 0, panY: 0 };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Clamps to [0, 1] and rounds to 1e-4 (never -0, never NaN). */
export function roundNormalised(value: number): number {
  if (!Number.isFinite(value)) return value === Infinity ? 1 : 0;
  // k / 10000 is the double nearest the decimal 0.kkkk, so stored values print cleanly.
  return Math.round(clamp(value, 0, 1) * STEPS) / STEPS || 0;
}

/** A point made storable: each coordinate clamped to [0, 1] and rounded to 1e-4. */
export function normalisePoint([x, y]: readonly [number, number]): Point {
  return [roundNormalised(x), roundNormalised(y)];
}

/**
 * The canvas size for an image in a container `containerWidth` wide: the full width, and the
 * height the image's aspect ratio asks for, but no more than `maxHeight`.
 */
export function canvasSizeFor(natural: Size, containerWidth: number, maxHeight: number): Size {
  const width = Math.max(1, Math.floor(containerWidth));
  const wanted = natural.width > 0 ? (width * natural.height) / natural.width : width;
  return { width, height: Math.max(1, Math.floor(Math.min(wanted, maxHeight))) };
}

/** Fits the whole image into the canvas (up- or down-scaled), centred. */
export function fitImage(natural: Size, canvas: Size): ImageLayout {
  const scale = Math.min(canvas.width / Math.max(1, natural.width), canvas.height / Math.max(1, natural.height));
  return {
    natural,
    scale,
    offsetX: (canvas.width - natural.width * scale) / 2,
    offsetY: (canvas.height - natural.height * scale) / 2,
  };
}

/** The image's displayed size in scene px. */
export const displayedSize = (layout: ImageLayout): Size => ({
  width: layout.natural.width * layout.scale,
  height: layout.natural.height * layout.scale,
});

export function normalisedToScene([x, y]: readonly [number, number], layout: ImageLayout): Point {
  const { width, height } = displayedSize(layout);
  return [layout.offsetX + x * width, layout.offsetY + y * height];
}

/** Scene px → stored point (clamped to the image, rounded to 1e-4). */
export function sceneToNormalised([x, y]: readonly [number, number], layout: ImageLayout): Point {
  const { width, height } = displayedSize(layout);
  return normalisePoint([(x - layout.offsetX) / Math.max(width, 1e-9), (y - layout.offsetY) / Math.max(height, 1e-9)]);
}

export function sceneToViewport([x, y]: readonly [number, number], view: View): Point {
  return [x * view.zoom + view.panX, y * view.zoom + view.panY];
}

export function viewportToScene([x, y]: readonly [number, number], view: View): Point {
  return [(x - view.panX) / view.zoom, (y - view.panY) / view.zoom];
}

export const normalisedToViewport = (p: readonly [number, number], layout: ImageLayout, view: View): Point =>
  sceneToViewport(normalisedToScene(p, layout), view);

export const viewportToNormalised = (p: readonly [number, number], layout: ImageLayout, view: View): Point =>
  sceneToNormalised(viewportToScene(p, view), layout);

/** fabric's viewportTransform for a view. */
export const viewportTransform = (view: View): [number, number, number, number, number, number] => [
  view.zoom, 0, 0, view.zoom, view.panX, view.panY,
];

/**
 * Keeps the image in sight: along an axis where the zoomed image is smaller than the canvas it is
 * centred; where it is larger, no empty margin may show on either side.
 */
export function clampPan(view: View, canvas: Size, layout: ImageLayout): View {
  const { width, height } = displayedSize(layout);
  const axis = (pan: number, offset: number, length: number, extent: number) => {
    const start = offset * view.zoom;
    const zoomed = length * view.zoom;
    if (zoomed <= extent) return (extent - zoomed) / 2 - start || 0;
    return clamp(pan, extent - start - zoomed, -start) || 0;
  };
  return {
    zoom: view.zoom,
    panX: axis(view.panX, layout.offsetX, width, canvas.width),
    panY: axis(view.panY, layout.offsetY, height, canvas.height),
  };
}

/** Zooms to `zoom` (clamped to 1..8) keeping the scene point under `anchor` (viewport px) still. */
export function zoomAt(view: View, anchor: readonly [number, number], zoom: number, canvas: Size, layout: ImageLayout): View {
  const next = clamp(zoom, MIN_ZOOM, MAX_ZOOM);
  const [sx, sy] = viewportToScene(anchor, view);
  return clampPan({ zoom: next, panX: anchor[0] - sx * next, panY: anchor[1] - sy * next }, canvas, layout);
}

/** The zoom steps the zoom buttons and keys go through. */
export const ZOOM_LEVELS = [1, 1.5, 2, 3, 4, 6, 8] as const;

/** The next zoom level above (`direction` 1) or below (-1) `zoom`; stays put at the ends. */
export function nextZoomLevel(zoom: number, direction: 1 | -1): number {
  const levels = direction === 1 ? ZOOM_LEVELS : [...ZOOM_LEVELS].reverse();
  return levels.find((level) => (direction === 1 ? level > zoom + 1e-6 : level < zoom - 1e-6)) ?? (direction === 1 ? MAX_ZOOM : MIN_ZOOM);
}

/** Pans by a viewport-pixel delta, kept in bounds. */
export function panBy(view: View, dx: number, dy: number, canvas: Size, layout: ImageLayout): View {
  return clampPan({ zoom: view.zoom, panX: view.panX + dx, panY: view.panY + dy }, canvas, layout);
}

/**
 * After the canvas changed size: the same zoom, with the image point that was at the centre of
 * the old viewport at the centre of the new one.
 */
export function relayoutView(view: View, old: { canvas: Size; layout: ImageLayout }, next: { canvas: Size; layout: ImageLayout }): View {
  const centre = viewportToNormalised([old.canvas.width / 2, old.canvas.height / 2], old.layout, view);
  const [sx, sy] = normalisedToScene(centre, next.layout);
  const moved = { zoom: view.zoom, panX: next.canvas.width / 2 - sx * view.zoom, panY: next.canvas.height / 2 - sy * view.zoom };
  return clampPan(moved, next.canvas, next.layout);
}

/**
 * How far `pixels` screen pixels reach in normalised units along x and y, at this layout and
 * zoom — what a tool treats as "the same place" (a click, the first vertex of a polygon).
 */
export function toleranceFor(pixels: number, layout: ImageLayout, view: View): Point {
  const { width, height } = displayedSize(layout);
  return [pixels / Math.max(width * view.zoom, 1e-9), pixels / Math.max(height * view.zoom, 1e-9)];
}

import { describe, expect, it } from 'vitest';
import {
  canvasSizeFor,
  clampPan,
  fitImage,
  IDENTITY_VIEW,
  nextZoomLevel,
  normalisePoint,
  normalisedToScene,
  normalisedToViewport,
  panBy,
  relayoutView,
  roundNormalised,
  sceneToNormalised,
  toleranceFor,
  viewportToNormalised,
  viewportToScene,
  viewportTransform,
  zoomAt,
} from './coords';

const natural = { width: 800, height: 400 };

describe('coords: storing', () => {
  it('rounds to 1e-4 and clamps to [0, 1]', () => {
    expect(roundNormalised(0.123456)).toBe(0.1235);
    expect(roundNormalised(-0.2)).toBe(0);
    expect(roundNormalised(1.7)).toBe(1);
    expect(Object.is(roundNormalised(-0.00001), 0)).toBe(true);
    expect(roundNormalised(Number.NaN)).toBe(0);
    expect(String(roundNormalised(0.30000000000000004))).toBe('0.3');
  });

  it('normalises a point coordinate by coordinate', () => {
    expect(normalisePoint([1.2, 0.45678])).toEqual([1, 0.4568]);
  });
});

describe('coords: layout', () => {
  it('sizes the canvas to the container width and the image aspect, capped by the max height', () => {
    expect(canvasSizeFor(natural, 600, 1000)).toEqual({ width: 600, height: 300 });
    expect(canvasSizeFor(natural, 600, 200)).toEqual({ width: 600, height: 200 });
    expect(canvasSizeFor(natural, 0, 200)).toEqual({ width: 1, height: 1 });
  });

  it('fits the image and centres it on the free axis', () => {
    expect(fitImage(natural, { width: 600, height: 300 })).toEqual({ natural, scale: 0.75, offsetX: 0, offsetY: 0 });
    const capped = fitImage(natural, { width: 600, height: 200 });
    expect(capped.scale).toBe(0.5);
    expect(capped.offsetX).toBe(100);
    expect(capped.offsetY).toBe(0);
  });

  it('round-trips normalised ↔ scene through an offset layout', () => {
    const layout = fitImage(natural, { width: 600, height: 200 });
    expect(normalisedToScene([0, 0], layout)).toEqual([100, 0]);
    expect(normalisedToScene([1, 1], layout)).toEqual([500, 200]);
    expect(sceneToNormalised([300, 50], layout)).toEqual([0.5, 0.25]);
    expect(sceneToNormalised(normalisedToScene([0.1234, 0.9876], layout), layout)).toEqual([0.1234, 0.9876]);
  });

  it('clamps scene points outside the image to its edges', () => {
    const layout = fitImage(natural, { width: 600, height: 200 });
    expect(sceneToNormalised([0, -40], layout)).toEqual([0, 0]);
    expect(sceneToNormalised([590, 250], layout)).toEqual([1, 1]);
  });

  it('gives the same normalised point for the same image spot at any canvas size', () => {
    const small = fitImage(natural, canvasSizeFor(natural, 300, 1000));
    const large = fitImage(natural, canvasSizeFor(natural, 1200, 1000));
    const spot: [number, number] = [0.3, 0.7];
    expect(sceneToNormalised(normalisedToScene(spot, small), small)).toEqual(spot);
    expect(sceneToNormalised(normalisedToScene(spot, large), large)).toEqual(spot);
    expect(normalisedToScene(spot, large)[0]).toBeCloseTo(normalisedToScene(spot, small)[0] * 4, 9);
  });
});

describe('coords: zoom and pan', () => {
  const canvas = { width: 600, height: 300 };
  const layout = fitImage(natural, canvas);

  it('maps viewport ↔ scene with zoom and pan (fabric viewportTransform)', () => {
    const view = { zoom: 2, panX: -100, panY: -50 };
    expect(viewportToScene([100, 50], view)).toEqual([100, 50]);
    expect(viewportTransform(view)).toEqual([2, 0, 0, 2, -100, -50]);
    expect(viewportToNormalised(normalisedToViewport([0.25, 0.5], layout, view), layout, view)).toEqual([0.25, 0.5]);
  });

  it('zooms around the anchor: the point under the pointer stays put', () => {
    const anchor: [number, number] = [450, 75];
    const before = viewportToNormalised(anchor, layout, IDENTITY_VIEW);
    const view = zoomAt(IDENTITY_VIEW, anchor, 3, canvas, layout);
    expect(view.zoom).toBe(3);
    expect(viewportToNormalised(anchor, layout, view)).toEqual(before);
  });

  it('clamps zoom to 1..8', () => {
    expect(zoomAt(IDENTITY_VIEW, [0, 0], 50, canvas, layout).zoom).toBe(8);
    expect(zoomAt(IDENTITY_VIEW, [0, 0], 0.2, canvas, layout)).toEqual(IDENTITY_VIEW);
  });

  it('steps through zoom levels and stops at 1× and 8×', () => {
    expect(nextZoomLevel(1, 1)).toBe(1.5);
    expect(nextZoomLevel(2.5, 1)).toBe(3);
    expect(nextZoomLevel(2.5, -1)).toBe(2);
    expect(nextZoomLevel(8, 1)).toBe(8);
    expect(nextZoomLevel(1, -1)).toBe(1);
  });

  it('never pans the image out of sight', () => {
    const zoomed = zoomAt(IDENTITY_VIEW, [300, 150], 2, canvas, layout);
    const far = panBy(zoomed, 5000, 5000, canvas, layout);
    expect(far).toEqual({ zoom: 2, panX: 0, panY: 0 });
    const other = panBy(zoomed, -5000, -5000, canvas, layout);
    expect(other).toEqual({ zoom: 2, panX: -600, panY: -300 });
    expect(panBy(IDENTITY_VIEW, 40, 40, canvas, layout)).toEqual(IDENTITY_VIEW);
  });

  it('centres a zoomed image that is still smaller than the canvas on that axis', () => {
    const wide = { width: 1200, height: 300 };
    const wideLayout = fitImage(natural, wide);
    const view = clampPan({ zoom: 1.5, panX: 0, panY: 0 }, wide, wideLayout);
    const [left] = normalisedToViewport([0, 0], wideLayout, view);
    const [right] = normalisedToViewport([1, 1], wideLayout, view);
    expect(left + right).toBeCloseTo(1200, 9);
  });

  it('keeps the image point at the centre when the canvas is resized', () => {
    const zoomed = zoomAt(IDENTITY_VIEW, [150, 75], 4, canvas, layout);
    const centre = viewportToNormalised([300, 150], layout, zoomed);
    const nextCanvas = { width: 900, height: 450 };
    const nextLayout = fitImage(natural, nextCanvas);
    const next = relayoutView(zoomed, { canvas, layout }, { canvas: nextCanvas, layout: nextLayout });
    expect(next.zoom).toBe(4);
    expect(viewportToNormalised([450, 225], nextLayout, next)).toEqual(centre);
  });

  it('turns screen pixels into a normalised tolerance that shrinks with zoom', () => {
    expect(toleranceFor(6, layout, IDENTITY_VIEW)).toEqual([0.01, 0.02]);
    expect(toleranceFor(6, layout, { zoom: 2, panX: 0, panY: 0 })).toEqual([0.005, 0.01]);
  });
});

import { describe, expect, it } from 'vitest';
import { columnWidths, DEFAULT_LAYOUT, dividerPercent, DIVIDER_PX, MIN_PX, parseLayout, resizeColumn } from './column-layout';

const sum = (w: { left: number; middle: number; right: number }) => w.left + w.middle + w.right + 2 * DIVIDER_PX;

describe('column widths', () => {
  it('gives a 1366-px laptop three usable columns by default', () => {
    const w = columnWidths(DEFAULT_LAYOUT, 1366);
    expect(sum(w)).toBe(1366);
    expect(w.left).toBeGreaterThanOrEqual(MIN_PX.left);
    expect(w.right).toBeGreaterThanOrEqual(MIN_PX.right);
    expect(w.middle).toBeGreaterThan(w.left);
  });

  it('caps the default side columns on a wide screen so the steps get the room', () => {
    const w = columnWidths(DEFAULT_LAYOUT, 2560);
    expect(w.left).toBeLessThanOrEqual(680);
    expect(w.right).toBeLessThanOrEqual(700);
    expect(w.middle).toBeGreaterThan(1100);
  });

  it('keeps a chosen share across screen sizes, within the limits', () => {
    const layout = { left: 0.2, right: 0.25 };
    const wide = columnWidths(layout, 2000);
    expect(wide.left).toBe(Math.round(0.2 * (2000 - 2 * DIVIDER_PX)));
    const narrow = columnWidths({ left: 0.44, right: 0.44 }, 1100);
    expect(sum(narrow)).toBe(1100);
    expect(narrow.middle).toBeGreaterThanOrEqual(MIN_PX.middle);
  });

  it('never goes below the minimums even when the window is too small for them', () => {
    const w = columnWidths(DEFAULT_LAYOUT, 700);
    expect(w.left).toBe(MIN_PX.left);
    expect(w.right).toBe(MIN_PX.right);
    expect(w.middle).toBeGreaterThanOrEqual(0);
  });
});

describe('resizing', () => {
  it('moves the left divider and stops at the limits', () => {
    const start = columnWidths(DEFAULT_LAYOUT, 1366);
    const wider = resizeColumn(DEFAULT_LAYOUT, 'left', 40, 1366);
    expect(columnWidths(wider, 1366).left).toBe(start.left + 40);
    const tiny = resizeColumn(DEFAULT_LAYOUT, 'left', -5000, 1366);
    expect(columnWidths(tiny, 1366).left).toBe(MIN_PX.left);
    const huge = columnWidths(resizeColumn(DEFAULT_LAYOUT, 'left', 5000, 1366), 1366);
    expect(huge.middle).toBeGreaterThanOrEqual(MIN_PX.middle);
  });

  it('moves the right divider: dragging right narrows the judgment column', () => {
    const start = columnWidths(DEFAULT_LAYOUT, 1366);
    const next = columnWidths(resizeColumn(DEFAULT_LAYOUT, 'right', 30, 1366), 1366);
    expect(next.right).toBe(start.right - 30);
    expect(next.left).toBe(start.left);
    expect(columnWidths(resizeColumn(DEFAULT_LAYOUT, 'right', 3000, 1366), 1366).right).toBe(MIN_PX.right);
  });

  it('reports the divider position as a percentage', () => {
    expect(dividerPercent({ left: 250, middle: 500, right: 250 }, 'left')).toBe(25);
    expect(dividerPercent({ left: 250, middle: 500, right: 250 }, 'right')).toBe(75);
  });
});

describe('stored layout', () => {
  it('reads back what was stored and ignores nonsense', () => {
    expect(parseLayout('{"left":0.3,"right":0.25}')).toEqual({ left: 0.3, right: 0.25 });
    expect(parseLayout('{"left":7,"right":"x"}')).toEqual({ left: null, right: null });
    expect(parseLayout('not json')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
  });
});

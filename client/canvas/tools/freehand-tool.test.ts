import { describe, expect, it } from 'vitest';
import type { Point } from '../coords';
import { FREEHAND_MAX_POINTS, FREEHAND_MIN_STEP, FreehandTool } from './freehand-tool';
import { capPoints, simplifyPath } from './simplify-path';

const draw = (tool: FreehandTool, points: Point[]) => {
  tool.down(points[0] as Point);
  points.slice(1, -1).forEach((p) => tool.move(p));
  return tool.up(points.at(-1) as Point);
};

const wave = (n: number): Point[] =>
  Array.from({ length: n }, (_, i) => [0.05 + (0.9 * i) / (n - 1), 0.5 + 0.3 * Math.sin((i / (n - 1)) * 6 * Math.PI)]);

describe('freehand tool', () => {
  it('emits the stroke from its first to its last point', () => {
    const shape = draw(new FreehandTool(), wave(200));
    expect(shape?.kind).toBe('freehand');
    expect(shape?.points[0]).toEqual([0.05, 0.5]);
    expect(shape?.points.at(-1)).toEqual([0.95, 0.5]);
  });

  it('drops points closer than 0.002 to the last kept one', () => {
    const tool = new FreehandTool();
    const jitter: Point[] = [[0.5, 0.5], [0.5005, 0.5], [0.501, 0.5005], [0.6, 0.5], [0.6001, 0.5], [0.7, 0.7]];
    const points = draw(tool, jitter)?.points ?? [];
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1] as Point, points[i] as Point];
      expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThanOrEqual(FREEHAND_MIN_STEP);
    }
    expect(points).toContainEqual([0.7, 0.7]);
  });

  it('simplifies a straight stroke to its ends', () => {
    const line: Point[] = Array.from({ length: 100 }, (_, i) => [0.1 + i * 0.005, 0.2 + i * 0.005]);
    expect(draw(new FreehandTool(), line)?.points).toEqual([[0.1, 0.2], [0.595, 0.695]]);
  });

  it('never stores more than 2000 points', () => {
    const points = draw(new FreehandTool(), wave(20_000).map(([x, y], i) => [x, y + (i % 2) * 0.01] as Point))?.points ?? [];
    expect(points.length).toBeLessThanOrEqual(FREEHAND_MAX_POINTS);
    expect(points.length).toBeGreaterThan(100);
  });

  it('makes nothing from a click or a wobble within the tolerance', () => {
    const tool = new FreehandTool();
    tool.setTolerance([0.01, 0.01]);
    expect(draw(tool, [[0.5, 0.5], [0.5, 0.5]])).toBeNull();
    expect(draw(tool, [[0.5, 0.5], [0.503, 0.5], [0.506, 0.503], [0.5, 0.5]])).toBeNull();
    expect(tool.busy).toBe(false);
  });

  it('previews the stroke while drawing; Escape drops it', () => {
    const tool = new FreehandTool();
    tool.down([0.1, 0.1]);
    tool.move([0.2, 0.2]);
    expect(tool.preview()?.points).toEqual([[0.1, 0.1], [0.2, 0.2]]);
    tool.key('Escape');
    expect(tool.preview()).toBeNull();
    expect(tool.up([0.3, 0.3])).toBeNull();
  });
});

describe('path simplification', () => {
  it('keeps corners and drops collinear points', () => {
    const l: Point[] = [[0, 0], [0.1, 0], [0.2, 0], [0.2, 0.1], [0.2, 0.2]];
    expect(simplifyPath(l, 0.001)).toEqual([[0, 0], [0.2, 0], [0.2, 0.2]]);
  });

  it('caps evenly, keeping both ends', () => {
    const many: Point[] = Array.from({ length: 11 }, (_, i) => [i / 10, 0]);
    expect(capPoints(many, 3)).toEqual([[0, 0], [0.5, 0], [1, 0]]);
    expect(capPoints(many, 20)).toHaveLength(11);
  });
});

import { describe, expect, it } from 'vitest';
import type { Point } from '../coords';
import { PolygonTool } from './polygon-tool';

const click = (tool: PolygonTool, p: Point) => tool.down(p) ?? tool.up(p);
const triangle: Point[] = [[0.1, 0.1], [0.5, 0.1], [0.3, 0.4]];

describe('polygon tool', () => {
  it('adds a vertex per click and closes on Enter', () => {
    const tool = new PolygonTool();
    triangle.forEach((p) => expect(click(tool, p)).toBeNull());
    expect(tool.busy).toBe(true);
    expect(tool.key('Enter')).toEqual({ kind: 'polygon', points: triangle });
    expect(tool.busy).toBe(false);
  });

  it('closes on a double-click without doubling the last vertex', () => {
    const tool = new PolygonTool();
    click(tool, [0.1, 0.1]);
    click(tool, [0.5, 0.1]);
    // A browser double-click: press, release, press, release, dblclick — all at one spot.
    click(tool, [0.3, 0.4]);
    click(tool, [0.3, 0.4]);
    expect(tool.doubleClick([0.3, 0.4])).toEqual({ kind: 'polygon', points: triangle });
  });

  it('closes on a click at the first vertex', () => {
    const tool = new PolygonTool();
    tool.setTolerance([0.01, 0.01]);
    triangle.forEach((p) => click(tool, p));
    expect(click(tool, [0.105, 0.095])).toEqual({ kind: 'polygon', points: triangle });
  });

  it('needs at least three vertices to close', () => {
    const tool = new PolygonTool();
    click(tool, [0.1, 0.1]);
    click(tool, [0.5, 0.1]);
    expect(tool.key('Enter')).toBeNull();
    expect(tool.doubleClick([0.3, 0.4])).toBeNull();
    // The first vertex is not a closing target yet: a click near it is just the next vertex.
    expect(click(tool, [0.3, 0.5])).toBeNull();
    expect(tool.key('Enter')?.points).toHaveLength(3);
  });

  it('Escape cancels the whole polygon', () => {
    const tool = new PolygonTool();
    triangle.forEach((p) => click(tool, p));
    tool.key('Escape');
    expect(tool.busy).toBe(false);
    expect(tool.preview()).toBeNull();
    expect(tool.key('Enter')).toBeNull();
  });

  it('Backspace removes the last vertex', () => {
    const tool = new PolygonTool();
    [...triangle, [0.9, 0.9] as Point].forEach((p) => click(tool, p));
    tool.key('Backspace');
    expect(tool.key('Enter')?.points).toEqual(triangle);
  });

  it('previews the vertices plus a rubber band to the pointer', () => {
    const tool = new PolygonTool();
    click(tool, [0.1, 0.1]);
    tool.move([0.6, 0.6]);
    expect(tool.preview()).toEqual({ kind: 'polygon', points: [[0.1, 0.1], [0.6, 0.6]] });
  });
});

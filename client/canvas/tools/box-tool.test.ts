import { describe, expect, it } from 'vitest';
import { BoxTool } from './box-tool';

describe('box tool', () => {
  it('emits the dragged box with normalised corners', () => {
    const tool = new BoxTool();
    expect(tool.down([0.1, 0.2])).toBeNull();
    tool.move([0.3, 0.35]);
    expect(tool.busy).toBe(true);
    expect(tool.up([0.4, 0.5])).toEqual({ kind: 'box', points: [[0.1, 0.2], [0.4, 0.5]] });
    expect(tool.busy).toBe(false);
  });

  it('orders corners whichever way the drag went', () => {
    const tool = new BoxTool();
    tool.down([0.7, 0.6]);
    expect(tool.up([0.2, 0.1])).toEqual({ kind: 'box', points: [[0.2, 0.1], [0.7, 0.6]] });
    tool.down([0.2, 0.6]);
    expect(tool.up([0.7, 0.1])?.points).toEqual([[0.2, 0.1], [0.7, 0.6]]);
  });

  it('makes nothing from a click or a drag within the tolerance', () => {
    const tool = new BoxTool();
    tool.setTolerance([0.01, 0.01]);
    tool.down([0.5, 0.5]);
    expect(tool.up([0.5, 0.5])).toBeNull();
    tool.down([0.5, 0.5]);
    expect(tool.up([0.505, 0.7])).toBeNull(); // too thin
    tool.down([0.5, 0.5]);
    expect(tool.up([0.52, 0.52])).not.toBeNull();
  });

  it('previews the box while dragging and nothing after', () => {
    const tool = new BoxTool();
    expect(tool.preview()).toBeNull();
    tool.down([0.6, 0.6]);
    tool.move([0.4, 0.7]);
    expect(tool.preview()).toEqual({ kind: 'box', points: [[0.4, 0.6], [0.6, 0.7]] });
    tool.key('Escape');
    expect(tool.preview()).toBeNull();
    expect(tool.up([0.9, 0.9])).toBeNull();
  });

  it('clamps and rounds points dragged beyond the image', () => {
    const tool = new BoxTool();
    tool.down([-0.2, 0.123456]);
    expect(tool.up([1.4, 0.654321])?.points).toEqual([[0, 0.1235], [1, 0.6543]]);
  });

  it('ignores a release without a press', () => {
    expect(new BoxTool().up([0.5, 0.5])).toBeNull();
  });
});

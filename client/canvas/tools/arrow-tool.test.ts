import { describe, expect, it } from 'vitest';
import { ArrowTool } from './arrow-tool';

describe('arrow tool', () => {
  it('emits [tail, head] in drag order', () => {
    const tool = new ArrowTool();
    tool.down([0.8, 0.8]);
    tool.move([0.5, 0.5]);
    expect(tool.preview()).toEqual({ kind: 'arrow', points: [[0.8, 0.8], [0.5, 0.5]] });
    expect(tool.up([0.2, 0.3])).toEqual({ kind: 'arrow', points: [[0.8, 0.8], [0.2, 0.3]] });
  });

  it('makes nothing shorter than the tolerance', () => {
    const tool = new ArrowTool();
    tool.setTolerance([0.02, 0.04]);
    tool.down([0.5, 0.5]);
    expect(tool.up([0.51, 0.52])).toBeNull();
    tool.down([0.5, 0.5]);
    expect(tool.up([0.5, 0.55])).toEqual({ kind: 'arrow', points: [[0.5, 0.5], [0.5, 0.55]] });
  });

  it('Escape cancels a drag in progress', () => {
    const tool = new ArrowTool();
    tool.down([0.1, 0.1]);
    expect(tool.busy).toBe(true);
    tool.key('Escape');
    expect(tool.busy).toBe(false);
    expect(tool.up([0.9, 0.9])).toBeNull();
  });
});

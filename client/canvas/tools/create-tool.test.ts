import { describe, expect, it } from 'vitest';
import { createTool } from './create-tool';

describe('createTool', () => {
  it('makes an idle state machine of each kind', () => {
    for (const kind of ['box', 'polygon', 'arrow', 'freehand'] as const) {
      const tool = createTool(kind);
      expect(tool.kind).toBe(kind);
      expect(tool.busy).toBe(false);
      expect(tool.preview()).toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store';

describe('workspace slice', () => {
  it('clamps the focused step to the solution', () => {
    const store = createAppStore();
    store.getState().focusStep(7, 5);
    expect(store.getState().focusedStep).toBe(4);
    store.getState().focusStep(-1, 5);
    expect(store.getState().focusedStep).toBe(0);
  });

  it('toggles one overlay at a time and resets for a new solution', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().toggleOverlay('help');
    expect(s().overlay).toBe('help');
    s().toggleOverlay('guidelines');
    expect(s().overlay).toBe('guidelines');
    s().toggleOverlay('guidelines');
    expect(s().overlay).toBe('none');
    s().toggleOverlay('help');
    s().toggleOverlay('guidelines');
    s().closeOverlay('help'); // the help dialog's late close event
    expect(s().overlay).toBe('guidelines');
    s().closeOverlay();
    s().toggleOverlay('help');
    s().setActiveTool('box');
    s().focusStep(3, 9);
    s().resetWorkspace();
    expect(s()).toMatchObject({ overlay: 'none', activeTool: 'select', focusedStep: 0 });
  });
});

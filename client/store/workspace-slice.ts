import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** Diagram tools; `select` moves, resizes and deletes existing regions. */
export type DiagramTool = 'select' | 'box' | 'polygon' | 'arrow' | 'freehand';

/**
 * What the annotator is pointing at, shared by the step list, the keyboard and the canvas.
 * Not part of the annotation: it is never saved or undone.
 */
export interface WorkspaceSlice {
  /** 0-based index of the focused step; new regions are tied to it by default. */
  focusedStep: number;
  activeTool: DiagramTool;
  /** Moves focus, clamped to the solution's steps. */
  focusStep: (index: number, stepCount: number) => void;
  setActiveTool: (tool: DiagramTool) => void;
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set) => ({
  focusedStep: 0,
  activeTool: 'select',
  focusStep: (index, stepCount) => set({ focusedStep: Math.max(0, Math.min(stepCount - 1, index)) }),
  setActiveTool: (tool) => set({ activeTool: tool }),
});

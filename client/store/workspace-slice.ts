import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** Diagram tools; `select` moves, resizes and deletes existing regions. */
export type DiagramTool = 'select' | 'box' | 'polygon' | 'arrow' | 'freehand';

/** What covers part of the workspace: the shortcut help (modal) or the guidelines drawer. */
export type WorkspaceOverlay = 'none' | 'help' | 'guidelines';

/**
 * What the annotator is pointing at, shared by the step list, the keyboard and the canvas.
 * Not part of the annotation: it is never saved or undone.
 */
export interface WorkspaceSlice {
  /** 0-based index of the focused step; new regions are tied to it by default. */
  focusedStep: number;
  activeTool: DiagramTool;
  overlay: WorkspaceOverlay;
  /** Moves focus, clamped to the solution's steps. */
  focusStep: (index: number, stepCount: number) => void;
  setActiveTool: (tool: DiagramTool) => void;
  /** Opens `overlay`, or closes it when it is already open. */
  toggleOverlay: (overlay: Exclude<WorkspaceOverlay, 'none'>) => void;
  /** Closes what is open; with `which`, only if that is what is open (a late close event). */
  closeOverlay: (which?: Exclude<WorkspaceOverlay, 'none'>) => void;
  /** A new solution starts at its first step, with the select tool, nothing open. */
  resetWorkspace: () => void;
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set) => ({
  focusedStep: 0,
  activeTool: 'select',
  overlay: 'none',
  focusStep: (index, stepCount) => set({ focusedStep: Math.max(0, Math.min(stepCount - 1, index)) }),
  setActiveTool: (tool) => set({ activeTool: tool }),
  toggleOverlay: (overlay) => set((state) => ({ overlay: state.overlay === overlay ? 'none' : overlay })),
  closeOverlay: (which) => set((state) => (which === undefined || state.overlay === which ? { overlay: 'none' } : {})),
  resetWorkspace: () => set({ focusedStep: 0, activeTool: 'select', overlay: 'none' }),
});

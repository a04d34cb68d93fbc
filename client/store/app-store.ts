import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createDraftSlice, type DraftSlice } from './draft-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

/**
 * The client's one store, composed from slices (zustand's slices pattern). Server data is
 * fetched through client/api/; the store keeps what several screens share and the draft.
 */
export type AppState = SessionSlice & DraftSlice & WorkspaceSlice;

export const createAppStore = () =>
  createStore<AppState>()((...a) => ({
    ...createSessionSlice(...a),
    ...createDraftSlice(...a),
    ...createWorkspaceSlice(...a),
  }));

export type AppStore = ReturnType<typeof createAppStore>;

export const appStore = createAppStore();

/** Select one value (or an action) from the app store; re-renders only when it changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

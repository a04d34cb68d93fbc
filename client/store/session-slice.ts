import type { StateCreator } from 'zustand';
import type { MeDto } from '../../shared/schemas/api';
import type { AppState } from './app-store';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

export interface SessionSlice {
  session: {
    /** 'unknown' until GET /api/me has answered once. */
    status: SessionStatus;
    me: MeDto | null;
    /** Last known MeDto.demo; kept after signing out so the sign-in page can still warn. */
    demo: boolean;
  };
  signedIn: (me: MeDto) => void;
  signedOut: () => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: { status: 'unknown', me: null, demo: false },
  signedIn: (me) => set({ session: { status: 'signed-in', me, demo: me.demo } }),
  signedOut: () => set((state) => ({ session: { status: 'signed-out', me: null, demo: state.session.demo } })),
});

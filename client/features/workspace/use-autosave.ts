import { useEffect, useRef, useState } from 'react';
import { putAnnotationOnUnload } from '../../api/solutions';
import { appStore } from '../../store/app-store';
import type { Draft } from '../../store/draft-slice';
import type { ActiveTimer } from '../annotate/active-timer';
import { saveAnnotation } from '../annotate/save-annotation';
import { localCopyAction, needsServerSave } from './autosave-decisions';
import { Autosaver } from './autosaver';
import { browserLocalDrafts, type LocalDrafts } from './local-drafts';

let drafts: LocalDrafts | null = null;
/** This tab's local draft store (created on first use). */
export function localDrafts(): LocalDrafts {
  drafts ??= browserLocalDrafts();
  return drafts;
}

/** Drafts never need submit rules; only a submission is checked. */
const DRAFT_CONTEXT = { stepCount: 0, taxonomy: [] };

/** Changes that matter here: edits, and saves that stored them (the local copy follows both). */
const changedForSaving = (a: Draft, b: Draft) =>
  a.fields !== b.fields || a.revision !== b.revision || a.savedRevision !== b.savedRevision || a.version !== b.version;

/** What submit and skip need from autosave. */
export interface AutosaveHandle {
  /** Saves what is pending now; true when the server has everything. */
  flush: () => Promise<boolean>;
  /** Cancels pending saves and waits for a running one (a submission takes over). */
  settle: () => Promise<void>;
  /** A submission did not go through: autosave resumes for what is still unsaved. */
  resume: () => void;
}

/**
 * Never lose a draft (SPEC §9): every change of this solution's draft goes to localStorage at
 * once and to the server as a draft within 3 s (Autosaver); failed saves are retried with
 * back-off and when the browser comes back online; a tab closing with a save pending sends it
 * with fetch keepalive. The local copy goes once the server has the same revision.
 */
export function useAutosave(solutionId: number, userId: number, timer: ActiveTimer): AutosaveHandle {
  const saverRef = useRef<Autosaver | null>(null);
  const [handle] = useState<AutosaveHandle>(() => ({
    flush: () => saverRef.current?.flush() ?? Promise.resolve(true),
    settle: () => saverRef.current?.settle() ?? Promise.resolve(),
    resume: () => saverRef.current?.changed(),
  }));

  useEffect(() => {
    const local = localDrafts();
    const saveDraft = () => saveAnnotation(appStore, timer, { status: 'draft', context: DRAFT_CONTEXT });
    const isDue = () => {
      const { draft } = appStore.getState();
      return draft.solutionId === solutionId && needsServerSave(draft);
    };
    // While the reasons a submission failed are on screen, a draft save would wipe them: the
    // local copy holds the edits, and the next edit (which makes the reasons stale) saves.
    const autosaveDue = () => isDue() && appStore.getState().draft.save.kind !== 'invalid';
    const saver = new Autosaver(saveDraft, autosaveDue);
    saverRef.current = saver;

    const keepLocally = (draft: Draft) => {
      const action = localCopyAction(draft);
      if (action === 'write') {
        const { fields, version, revision, timeSpentMs } = draft;
        local.write(userId, solutionId, { fields, version, revision, timeSpentMs: timeSpentMs + timer.elapsed(), savedAt: Date.now() });
      } else if (action === 'remove') {
        local.remove(userId, solutionId);
      }
    };
    const onDraft = (draft: Draft, previous: Draft | null) => {
      if (draft.solutionId !== solutionId || (previous && !changedForSaving(draft, previous))) return;
      keepLocally(draft);
      if (autosaveDue() && draft.save.kind !== 'saving') saver.changed();
    };
    // The draft may have been resumed from the local copy before this ran: save it.
    onDraft(appStore.getState().draft, null);
    const unsubscribe = appStore.subscribe((state, prev) => {
      if (state.draft !== prev.draft) onDraft(state.draft, prev.draft);
    });

    const online = () => saver.retry();
    let sentOnLeaving = -1;
    const leaving = () => {
      const { draft } = appStore.getState();
      if (!isDue() || sentOnLeaving === draft.revision) return;
      sentOnLeaving = draft.revision;
      keepLocally(draft);
      const { fields, version, timeSpentMs } = draft;
      putAnnotationOnUnload(solutionId, { ...fields, status: 'draft', version, timeSpentMs: timeSpentMs + timer.elapsed() });
    };
    window.addEventListener('online', online);
    // No confirm dialog (it blocks people and automation alike): the local copy and the
    // keepalive save are the safety net.
    window.addEventListener('pagehide', leaving);
    window.addEventListener('beforeunload', leaving);
    return () => {
      unsubscribe();
      saver.dispose();
      saverRef.current = null;
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', leaving);
      window.removeEventListener('beforeunload', leaving);
      // Leaving for another page of the app: save what is pending (its answer reports nowhere).
      if (isDue() && appStore.getState().draft.save.kind !== 'saving') void saveDraft();
    };
  }, [solutionId, userId, timer]);

  return handle;
}

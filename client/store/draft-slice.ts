import type { StateCreator } from 'zustand';
import type { AnnotationDto } from '../../shared/schemas/api';
import { JudgmentFieldsSchema, type AnnotationStatus, type JudgmentFields, type Verdict } from '../../shared/schemas/annotation';
import type { AppState } from './app-store';

/** What happened to the last save, for the status line and the conflict choice. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving'; status: AnnotationStatus }
  | { kind: 'saved'; status: AnnotationStatus }
  | { kind: 'conflict'; attempted: AnnotationStatus; current: AnnotationDto }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'failed'; message: string };

/**
 * The annotation being edited, as plain data (no DOM, no MathLive, no fabric objects) so a
 * later undo history or local autosave can snapshot it. Step indices are 0-based.
 */
export interface Draft {
  solutionId: number | null;
  fields: JudgmentFields;
  /** The version the server last gave us; 0 when nothing is stored yet. Sent on the next PUT. */
  version: number;
  /** Status of the stored annotation; null when nothing is stored yet. */
  storedStatus: AnnotationStatus | null;
  /** Active milliseconds already recorded on the server; the page's timer adds the rest. */
  timeSpentMs: number;
  /** Bumped on every edit; a save clears `dirty` only if no edit happened while it ran. */
  revision: number;
  savedRevision: number;
  save: SaveState;
}

export interface DraftSlice {
  draft: Draft;
  /** The last submission, so the next page can confirm it ("Submitted p-001-a"). */
  lastSubmitted: { solutionId: number; externalId: string } | null;
  noteSubmitted: (solutionId: number, externalId: string) => void;
  startDraft: (solutionId: number, stored: AnnotationDto | null) => void;
  editDraft: (patch: Partial<JudgmentFields>) => void;
  /** Choosing "correct" clears the first wrong step (a correct solution has none). */
  setVerdict: (verdict: Verdict) => void;
  /** Marking a step as the first wrong one also sets the verdict to incorrect. */
  markFirstWrongStep: (stepIndex: number | null) => void;
  setFlag: (flag: keyof JudgmentFields['flags'], value: boolean) => void;
  saveStarted: (status: AnnotationStatus) => void;
  /** `sentRevision`: the draft revision that was sent. */
  saveSucceeded: (annotation: AnnotationDto, sentRevision: number) => void;
  saveConflicted: (attempted: AnnotationStatus, current: AnnotationDto) => void;
  saveInvalid: (problems: string[]) => void;
  saveFailed: (message: string) => void;
  /** Conflict resolved by taking the server's annotation (drops local edits). */
  adoptServerVersion: () => void;
}

export const emptyJudgment = (): JudgmentFields => JudgmentFieldsSchema.parse({});

/** The judgment fields of a stored annotation (drops status, version, times). */
export const judgmentOf = (annotation: AnnotationDto): JudgmentFields => JudgmentFieldsSchema.parse(annotation);

const draftFrom = (solutionId: number | null, stored: AnnotationDto | null): Draft => ({
  solutionId,
  fields: stored ? judgmentOf(stored) : emptyJudgment(),
  version: stored?.version ?? 0,
  storedStatus: stored?.status ?? null,
  timeSpentMs: stored?.timeSpentMs ?? 0,
  revision: 0,
  savedRevision: 0,
  save: { kind: 'idle' },
});

export const isDirty = (draft: Draft) => draft.revision !== draft.savedRevision;

export const createDraftSlice: StateCreator<AppState, [], [], DraftSlice> = (set, get) => {
  // An edit makes a list of submit problems stale, so it goes; a conflict stays until resolved.
  const edit = (patch: Partial<JudgmentFields>) =>
    set(({ draft }) => ({
      draft: {
        ...draft,
        fields: { ...draft.fields, ...patch },
        revision: draft.revision + 1,
        save: draft.save.kind === 'invalid' ? { kind: 'idle' } : draft.save,
      },
    }));
  const setSave = (save: SaveState) => set(({ draft }) => ({ draft: { ...draft, save } }));

  return {
    draft: draftFrom(null, null),
    lastSubmitted: null,
    noteSubmitted: (solutionId, externalId) => set({ lastSubmitted: { solutionId, externalId } }),
    startDraft: (solutionId, stored) => set({ draft: draftFrom(solutionId, stored) }),
    editDraft: edit,
    setVerdict: (verdict) =>
      edit(verdict === 'correct' ? { verdict, firstErrorStep: null } : { verdict }),
    markFirstWrongStep: (stepIndex) =>
      edit(stepIndex === null ? { firstErrorStep: null } : { verdict: 'incorrect', firstErrorStep: stepIndex }),
    setFlag: (flag, value) => edit({ flags: { ...get().draft.fields.flags, [flag]: value } }),
    saveStarted: (status) => setSave({ kind: 'saving', status }),
    saveSucceeded: (annotation, sentRevision) =>
      set(({ draft }) => ({
        draft: {
          ...draft,
          version: annotation.version,
          storedStatus: annotation.status,
          timeSpentMs: annotation.timeSpentMs,
          savedRevision: sentRevision,
          save: { kind: 'saved', status: annotation.status },
        },
      })),
    saveConflicted: (attempted, current) => setSave({ kind: 'conflict', attempted, current }),
    saveInvalid: (problems) => setSave({ kind: 'invalid', problems }),
    saveFailed: (message) => setSave({ kind: 'failed', message }),
    adoptServerVersion: () => {
      const { draft } = get();
      if (draft.save.kind !== 'conflict') return;
      set({ draft: { ...draftFrom(draft.solutionId, draft.save.current), save: { kind: 'idle' } } });
    },
  };
};

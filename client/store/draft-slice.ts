import type { StateCreator } from 'zustand';
import type { AnnotationDto } from '../../shared/schemas/api';
import type { AnnotationStatus, JudgmentFields, Region, Verdict } from '../../shared/schemas/annotation';
import type { AppState } from './app-store';
import { draftFrom, draftFromLocal, type Draft, type LocalCopy, type SaveState } from './draft-model';

export { emptyJudgment, isDirty, judgmentOf, type Draft, type LocalCopy, type SaveState } from './draft-model';

/** Stepwise undo keeps this many states. */
export const HISTORY_LIMIT = 200;
const COALESCE_MS = 1000;

export interface DraftSlice {
  draft: Draft;
  /** The last solution submitted or skipped, so the next page can confirm it ("Submitted p-001-a"). */
  lastFinished: FinishedSolution | null;
  noteFinished: (finished: FinishedSolution) => void;
  startDraft: (solutionId: number, stored: AnnotationDto | null) => void;
  /** Starts from this device's unsaved copy (see draftFromLocal); `conflict` asks the person. */
  resumeDraft: (solutionId: number, stored: AnnotationDto | null, local: LocalCopy, conflict: boolean) => void;
  /**
   * Applies an edit and records an undo step. `coalesceKey` (e.g. "errorAnalysis") merges rapid
   * edits of one field into a single undo step.
   */
  editDraft: (patch: Partial<JudgmentFields>, coalesceKey?: string) => void;
  undo: () => void;
  redo: () => void;
  /** Regions are plain data (points normalised to 0..1 of the image); the canvas renders them. */
  addRegion: (region: Region) => void;
  updateRegion: (id: string, patch: Partial<Omit<Region, 'id'>>) => void;
  removeRegion: (id: string) => void;
  /** PRM800K semantics per step: -1 wrong, 0 neutral, 1 good, null unrated. */
  setStepRating: (stepIndex: number, rating: -1 | 0 | 1 | null, stepCount: number) => void;
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
  saveFailed: (message: string, offline: boolean) => void;
  /** Conflict resolved by taking the server's annotation (drops local edits). */
  adoptServerVersion: () => void;
}

export interface FinishedSolution {
  solutionId: number;
  externalId: string;
  outcome: 'submitted' | 'skipped';
}

export const createDraftSlice: StateCreator<AppState, [], [], DraftSlice> = (set, get) => {
  // An edit makes a list of submit problems stale, so it goes; a conflict stays until resolved.
  const edit = (patch: Partial<JudgmentFields>, coalesceKey?: string) =>
    set(({ draft }) => {
      const now = Date.now();
      const coalesce = coalesceKey !== undefined && draft.lastEdit?.key === coalesceKey && now - draft.lastEdit.at < COALESCE_MS;
      return {
        draft: {
          ...draft,
          fields: { ...draft.fields, ...patch },
          revision: draft.revision + 1,
          save: draft.save.kind === 'invalid' ? { kind: 'idle' } : draft.save,
          past: coalesce ? draft.past : [...draft.past, draft.fields].slice(-HISTORY_LIMIT),
          future: [],
          lastEdit: coalesceKey === undefined ? null : { key: coalesceKey, at: now },
        },
      };
    });
  // Undo and redo are edits too: they change what the server must get.
  const travel = (from: 'past' | 'future') =>
    set(({ draft }) => {
      const target = draft[from].at(-1);
      if (!target) return {};
      const to = from === 'past' ? 'future' : 'past';
      return {
        draft: {
          ...draft,
          fields: target,
          [from]: draft[from].slice(0, -1),
          [to]: [...draft[to], draft.fields].slice(-HISTORY_LIMIT),
          revision: draft.revision + 1,
          lastEdit: null,
        },
      };
    });
  const regions = () => get().draft.fields.regions;
  const setSave = (save: SaveState) => set(({ draft }) => ({ draft: { ...draft, save } }));

  return {
    draft: draftFrom(null, null),
    lastFinished: null,
    noteFinished: (finished) => set({ lastFinished: finished }),
    startDraft: (solutionId, stored) => set({ draft: draftFrom(solutionId, stored) }),
    resumeDraft: (solutionId, stored, local, conflict) => set({ draft: draftFromLocal(solutionId, stored, local, conflict) }),
    editDraft: edit,
    undo: () => travel('past'),
    redo: () => travel('future'),
    addRegion: (region) => edit({ regions: [...regions(), region] }),
    updateRegion: (id, patch) => edit({ regions: regions().map((r) => (r.id === id ? { ...r, ...patch } : r)) }),
    removeRegion: (id) => edit({ regions: regions().filter((r) => r.id !== id) }),
    setStepRating: (stepIndex, rating, stepCount) => {
      const ratings = get().draft.fields.stepRatings ?? Array.from({ length: stepCount }, () => null);
      edit({ stepRatings: ratings.map((r, i) => (i === stepIndex ? rating : r)) });
    },
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
    saveFailed: (message, offline) => setSave({ kind: 'failed', message, offline }),
    adoptServerVersion: () => {
      const { draft } = get();
      if (draft.save.kind !== 'conflict') return;
      set({ draft: { ...draftFrom(draft.solutionId, draft.save.current), save: { kind: 'idle' } } });
    },
  };
};

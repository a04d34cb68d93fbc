import type { AnnotationDto } from '../../shared/schemas/api';
import { JudgmentFieldsSchema, type AnnotationStatus, type JudgmentFields } from '../../shared/schemas/annotation';

/** The draft's plain data and its pure helpers; draft-slice.ts holds the actions. */

/** What happened to the last save, for the status line and the conflict choice. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving'; status: AnnotationStatus }
  | { kind: 'saved'; status: AnnotationStatus }
  | { kind: 'conflict'; attempted: AnnotationStatus; current: AnnotationDto }
  | { kind: 'invalid'; problems: string[] }
  /** `offline`: the server could not be reached (the local copy keeps everything). */
  | { kind: 'failed'; message: string; offline: boolean };

/**
 * The annotation being edited, as plain data (no DOM, no MathLive, no fabric objects) so the
 * undo history and the local autosave can snapshot it. Step indices are 0-based.
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
  /** The fields came from this device's unsaved copy, not from the server. */
  restored: boolean;
  /** Undo history of the judgment fields (form and diagram regions together), newest last. */
  past: JudgmentFields[];
  future: JudgmentFields[];
  /** Edits with the same key within COALESCE_MS make one undo step (typing a sentence). */
  lastEdit: { key: string; at: number } | null;
}

/** Unsaved fields kept on this device, and the server version they were based on. */
export interface LocalCopy {
  fields: JudgmentFields;
  version: number;
  timeSpentMs: number;
}

export const emptyJudgment = (): JudgmentFields => JudgmentFieldsSchema.parse({});

/** The judgment fields of a stored annotation (drops status, version, times). */
export const judgmentOf = (annotation: AnnotationDto): JudgmentFields => JudgmentFieldsSchema.parse(annotation);

export const draftFrom = (solutionId: number | null, stored: AnnotationDto | null): Draft => ({
  solutionId,
  fields: stored ? judgmentOf(stored) : emptyJudgment(),
  version: stored?.version ?? 0,
  storedStatus: stored?.status ?? null,
  timeSpentMs: stored?.timeSpentMs ?? 0,
  revision: 0,
  savedRevision: 0,
  save: { kind: 'idle' },
  restored: false,
  past: [],
  future: [],
  lastEdit: null,
});

/**
 * A draft resumed from the local copy: dirty at once (so it is saved), based on the local
 * copy's version. With `conflict`, the server moved on since that version: the person chooses.
 */
export function draftFromLocal(solutionId: number, stored: AnnotationDto | null, local: LocalCopy, conflict: boolean): Draft {
  const base = draftFrom(solutionId, stored);
  return {
    ...base,
    fields: local.fields,
    version: conflict ? local.version : base.version,
    timeSpentMs: Math.max(base.timeSpentMs, local.timeSpentMs),
    revision: 1,
    restored: true,
    save: conflict && stored ? { kind: 'conflict', attempted: 'draft', current: stored } : { kind: 'idle' },
  };
}

export const isDirty = (draft: Draft) => draft.revision !== draft.savedRevision;

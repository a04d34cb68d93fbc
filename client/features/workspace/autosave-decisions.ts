import type { JudgmentFields } from '../../../shared/schemas/annotation';
import type { AnnotationDto } from '../../../shared/schemas/api';
import { emptyJudgment, isDirty, judgmentOf, type Draft } from '../../store/draft-slice';
import type { LocalDraft } from './local-drafts';

/**
 * What autosave decides, as pure functions of plain data (tested in node). The effects live in
 * use-autosave.ts (localStorage, timers, the server).
 */

/** Field-by-field equality of two judgments (both normalised by the schema first). */
export function sameJudgment(a: JudgmentFields, b: JudgmentFields): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type ResumeDecision =
  /** No local copy: start from the server's annotation. */
  | { kind: 'server' }
  /** The local copy holds nothing the server lacks: drop it. */
  | { kind: 'discard' }
  /** Unsaved edits of what the server still has: bring them back (and save them). */
  | { kind: 'restore'; local: LocalDraft }
  /** Edits of an older version than the server's: the person chooses. */
  | { kind: 'conflict'; local: LocalDraft; current: AnnotationDto };

/** On opening a solution: the server's annotation, or this device's unsaved copy of it. */
export function decideResume(local: LocalDraft | null, stored: AnnotationDto | null): ResumeDecision {
  if (!local) return { kind: 'server' };
  const serverFields = stored ? judgmentOf(stored) : emptyJudgment();
  if (sameJudgment(local.fields, serverFields)) return { kind: 'discard' };
  const serverVersion = stored?.version ?? 0;
  // Nothing stored any more (or the copy is ahead of what is stored): ours is all there is.
  if (local.version === serverVersion || !stored) return { kind: 'restore', local };
  return { kind: 'conflict', local, current: stored };
}

/** After any change to the draft: keep the local copy while the server lacks something. */
export function localCopyAction(draft: Draft): 'write' | 'remove' | 'none' {
  if (draft.solutionId === null) return 'none';
  return isDirty(draft) ? 'write' : 'remove';
}

/** Whether a draft save to the server is due: there is something new and nobody must choose first. */
export function needsServerSave(draft: Draft): boolean {
  return draft.solutionId !== null && isDirty(draft) && draft.save.kind !== 'conflict';
}

/** The next retry after `failures` failed saves in a row: 5 s, 10 s, 20 s, then every 30 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000, 5_000 * 2 ** Math.max(0, failures - 1));
}

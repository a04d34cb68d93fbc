import { checkSubmittable, type AnnotationPut, type AnnotationStatus, type SubmitContext } from '../../../shared/schemas/annotation';
import { ApiError, describeError, problemsOf } from '../../api/api-error';
import { putAnnotation, type SaveOutcome } from '../../api/solutions';
import type { AppStore } from '../../store/app-store';
import type { ActiveTimer } from './active-timer';
import { humaniseProblem } from './judgment-text';

export interface SaveRequest {
  status: AnnotationStatus;
  /** Submit rules (step count, taxonomy) for the client-side check before a submission. */
  context: SubmitContext;
  /**
   * After a 409 the person chose "Keep mine and overwrite": send the server's current version
   * so the write is accepted. Never set without that explicit choice.
   */
  overwrite?: boolean;
}

/** The server could not be reached at all (as opposed to answering with an error). */
function isOffline(error: unknown): boolean {
  const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return browserOffline || (error instanceof ApiError && error.status === 0);
}

export type Put = (solutionId: number, body: AnnotationPut) => Promise<SaveOutcome>;

/**
 * Saves the draft in the store as a draft or a submission. Reports every outcome through the
 * store (saved / conflict / invalid / failed) and resolves true only when the server stored it.
 * Time: sends the stored time plus the active time since, and stops counting what was stored.
 */
export async function saveAnnotation(store: AppStore, timer: ActiveTimer, request: SaveRequest, put: Put = putAnnotation): Promise<boolean> {
  const state = store.getState();
  const { draft } = state;
  if (draft.solutionId === null || draft.save.kind === 'saving') return false;

  if (request.status === 'submitted') {
    const problems = checkSubmittable(draft.fields, request.context);
    if (problems.length > 0) {
      state.saveInvalid(problems.map(humaniseProblem));
      return false;
    }
  }

  let version = draft.version;
  let storedTime = draft.timeSpentMs;
  if (request.overwrite) {
    if (draft.save.kind !== 'conflict') return false;
    version = draft.save.current.version;
    storedTime = Math.max(storedTime, draft.save.current.timeSpentMs);
  }

  const elapsed = timer.elapsed();
  const body: AnnotationPut = { ...draft.fields, status: request.status, version, timeSpentMs: storedTime + elapsed };
  const sentRevision = draft.revision;
  const solutionId = draft.solutionId;
  // The person may have moved to another solution while this save ran: report to this one only.
  const report = () => {
    const now = store.getState();
    return now.draft.solutionId === solutionId ? now : null;
  };
  state.saveStarted(request.status);
  try {
    const outcome = await put(solutionId, body);
    if (outcome.kind === 'conflict') {
      report()?.saveConflicted(request.status, outcome.current);
      return false;
    }
    timer.consume(elapsed);
    report()?.saveSucceeded(outcome.annotation, sentRevision);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'ANNOTATION_INVALID') {
      const problems = problemsOf(error);
      report()?.saveInvalid(problems.length > 0 ? problems.map(humaniseProblem) : [error.message]);
    } else {
      report()?.saveFailed(describeError(error), isOffline(error));
    }
    return false;
  }
}

import { useRef, useState } from 'react';
import type { SolutionViewDto } from '../../../shared/schemas/api';
import { describeError } from '../../api/api-error';
import { takeNextSolution } from '../../api/projects';
import { skipSolution } from '../../api/solutions';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { appStore } from '../../store/app-store';
import type { AutosaveHandle } from '../workspace/use-autosave';
import type { ActiveTimer } from './active-timer';
import { saveAnnotation } from './save-annotation';

export type FinishState =
  | { kind: 'idle' }
  | { kind: 'busy'; action: 'submit' | 'skip' }
  /** Nothing left for this annotator after submitting or skipping. */
  | { kind: 'empty' }
  | { kind: 'failed'; message: string };

export interface FinishActions {
  /** Submits (after any running draft save) and goes on to the next solution. */
  submit: () => Promise<void>;
  /** Saves what was typed, skips (never offered again) and goes on. */
  skip: () => Promise<void>;
  /** After a 409, "Keep mine and overwrite": repeats the refused save over the server's version. */
  keepMine: () => Promise<void>;
}

/** Leaving a solution: submit, skip, resolve a conflict by overwriting; then the next one. */
export function useFinishSolution(project: string, view: SolutionViewDto, timer: ActiveTimer, autosave: AutosaveHandle) {
  const [state, setState] = useState<FinishState>({ kind: 'idle' });
  const busy = useRef(false);
  const [actions] = useState<FinishActions>(() => {
    const { solution } = view;
    const context = { stepCount: solution.steps.length, taxonomy: view.project.taxonomy };

    const goToNext = async (outcome: 'submitted' | 'skipped') => {
      appStore.getState().noteFinished({ solutionId: solution.id, externalId: solution.externalId, outcome });
      try {
        const leased = await takeNextSolution(project);
        if (leased) navigate(paths.annotate(project, leased.solution.id));
        else setState({ kind: 'empty' });
      } catch (error) {
        setState({ kind: 'failed', message: `${outcome === 'submitted' ? 'Submitted' : 'Skipped'}, but the next solution could not be loaded: ${describeError(error)}` });
      }
    };
    /** One finishing action at a time (a held key or a double click does it once). */
    const exclusive = (action: 'submit' | 'skip', work: () => Promise<void>) => async () => {
      if (busy.current) return;
      busy.current = true;
      setState({ kind: 'busy', action });
      try {
        await work();
      } finally {
        busy.current = false;
        setState((s) => (s.kind === 'busy' ? { kind: 'idle' } : s));
      }
    };

    const submitWith = async (overwrite: boolean) => {
      const { save } = appStore.getState().draft;
      // Overwriting repeats what the server refused: a draft save or a submission.
      const status = overwrite && save.kind === 'conflict' ? save.attempted : 'submitted';
      await autosave.settle();
      const stored = await saveAnnotation(appStore, timer, { status, context, overwrite });
      if (stored && status === 'submitted') await goToNext('submitted');
      else autosave.resume();
    };

    return {
      submit: exclusive('submit', () => submitWith(false)),
      keepMine: exclusive('submit', () => submitWith(true)),
      skip: exclusive('skip', async () => {
        const { draft } = appStore.getState();
        if (draft.storedStatus === 'submitted') {
          setState({ kind: 'failed', message: 'You have already submitted this solution; it cannot be skipped.' });
          return;
        }
        // What was typed is saved first (it stays stored as a draft after the skip).
        await autosave.flush();
        try {
          await skipSolution(solution.id);
        } catch (error) {
          setState({ kind: 'failed', message: `Could not skip: ${describeError(error)}` });
          return;
        }
        await goToNext('skipped');
      }),
    };
  });
  return { state, actions };
}

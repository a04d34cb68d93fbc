import { useEffect, useState } from 'react';
import type { SolutionViewDto } from '../../../shared/schemas/api';
import { describeError } from '../../api/api-error';
import { getSolution } from '../../api/solutions';
import { appStore } from '../../store/app-store';
import { decideResume } from '../workspace/autosave-decisions';
import { localDrafts } from '../workspace/use-autosave';

export type SolutionLoad =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; view: SolutionViewDto };

/**
 * Loads GET /api/solutions/:id and starts the draft: from the caller's stored annotation, or
 * from this device's unsaved copy of it (restored, or offered against a newer server version:
 * see decideResume). The workspace starts at step 1 with nothing open.
 */
export function useSolutionView(solutionId: number, userId: number): SolutionLoad {
  const [load, setLoad] = useState<SolutionLoad>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    getSolution(solutionId).then(
      (view) => {
        if (cancelled) return;
        const state = appStore.getState();
        const local = localDrafts();
        const decision = decideResume(local.read(userId, solutionId), view.annotation);
        if (decision.kind === 'restore' || decision.kind === 'conflict') {
          state.resumeDraft(solutionId, view.annotation, decision.local, decision.kind === 'conflict');
        } else {
          if (decision.kind === 'discard') local.remove(userId, solutionId, true);
          state.startDraft(solutionId, view.annotation);
        }
        state.resetWorkspace();
        setLoad({ kind: 'ready', view });
      },
      (error: unknown) => !cancelled && setLoad({ kind: 'failed', message: describeError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [solutionId, userId]);
  return load;
}

import { useEffect, useState } from 'react';
import type { SolutionViewDto } from '../../../shared/schemas/api';
import { describeError } from '../../api/api-error';
import { getSolution } from '../../api/solutions';
import { appStore } from '../../store/app-store';

export type SolutionLoad =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; view: SolutionViewDto };

/**
 * Loads GET /api/solutions/:id and starts the draft from the caller's stored annotation, so a
 * reload shows exactly what was saved or submitted.
 */
export function useSolutionView(solutionId: number): SolutionLoad {
  const [load, setLoad] = useState<SolutionLoad>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    getSolution(solutionId).then(
      (view) => {
        if (cancelled) return;
        appStore.getState().startDraft(solutionId, view.annotation);
        setLoad({ kind: 'ready', view });
      },
      (error: unknown) => !cancelled && setLoad({ kind: 'failed', message: describeError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [solutionId]);
  return load;
}

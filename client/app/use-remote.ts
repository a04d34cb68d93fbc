import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { describeError } from '../api/api-error';

/**
 * Server data for one page: loads on mount (and when `key` changes), reloads on demand while
 * the last answer stays on screen, and lets a write put its answer in place (`replace`).
 * The error is kept too (`cause`) so a page can branch on its status (a 403 is an answer).
 */
export interface Remote<T> {
  data: T | null;
  error: string | null;
  cause: unknown;
  loading: boolean;
  /** When `data` arrived (ms since the epoch), 0 before. */
  loadedAt: number;
  reload: () => void;
  replace: (next: T) => void;
}

interface State<T> {
  data: T | null;
  error: string | null;
  cause: unknown;
  loading: boolean;
  loadedAt: number;
}

export function useRemote<T>(load: () => Promise<T>, key: string): Remote<T> {
  const [state, setState] = useState<State<T>>({ data: null, error: null, cause: null, loading: true, loadedAt: 0 });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let cancelled = false;
    loadRef.current().then(
      (data) => !cancelled && setState({ data, error: null, cause: null, loading: false, loadedAt: Date.now() }),
      (cause: unknown) => !cancelled && setState((s) => ({ ...s, error: describeError(cause), cause, loading: false })),
    );
    return () => {
      cancelled = true;
    };
  }, [key, attempt]);

  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    setAttempt((n) => n + 1);
  }, []);
  const replace = useCallback((data: T) => setState({ data, error: null, cause: null, loading: false, loadedAt: Date.now() }), []);
  return { ...state, reload, replace };
}

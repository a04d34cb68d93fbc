import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { describeError } from '../api/api-error';

/** How often a running job is asked for its progress (ms); four times that after a failed ask. */
const POLL_MS = 700;

/**
 * A long-running server job (an import, an ORM run) polled while `active` says it runs: the
 * latest answer, the last error (the previous answer stays on screen), and `onEnded` once when
 * it stops running. `set` lets a write (Stop) put its answer in place. Polling restarts when
 * `key` changes and stops on unmount.
 */
export function usePolled<T>(
  load: () => Promise<T>,
  active: (value: T) => boolean,
  onEnded: () => void,
  key: string,
): { value: T | null; error: string | null; set: (value: T) => void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest callbacks, without restarting the poll when a parent re-renders.
  const calls = useRef({ load, active, onEnded });
  useLayoutEffect(() => {
    calls.current = { load, active, onEnded };
  });

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      calls.current.load().then(
        (next) => {
          if (cancelled) return;
          setValue(next);
          setError(null);
          if (calls.current.active(next)) timer = setTimeout(poll, POLL_MS);
          else calls.current.onEnded();
        },
        (cause: unknown) => {
          if (cancelled) return;
          setError(describeError(cause));
          timer = setTimeout(poll, POLL_MS * 4);
        },
      );
    };
    poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key]);

  return { value, error, set: setValue };
}

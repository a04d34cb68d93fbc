import { useEffect, useState } from 'react';
import { ActiveTimer } from './active-timer';

/**
 * One ActiveTimer for the lifetime of the calling component (the annotate page is keyed by
 * solution, so each solution gets its own). Runs while the document is visible.
 */
export function useActiveTimer(): ActiveTimer {
  const [timer] = useState(() => new ActiveTimer());
  useEffect(() => {
    const follow = () => (document.visibilityState === 'visible' ? timer.resume() : timer.pause());
    follow();
    document.addEventListener('visibilitychange', follow);
    return () => {
      document.removeEventListener('visibilitychange', follow);
      timer.pause();
    };
  }, [timer]);
  return timer;
}

import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import type { ActiveTimer } from '../annotate/active-timer';
import { formatDuration } from './header-text';

/**
 * Active time on this solution: what the server recorded plus the page's timer, which pauses
 * while the tab is hidden. Ticks on its own, so only this element re-renders each second.
 */
export function ActiveTime({ timer }: { timer: ActiveTimer }) {
  const recorded = useAppStore((s) => s.draft.timeSpentMs);
  const [, tick] = useState(0);
  useEffect(() => {
    const id = window.setInterval(() => tick((n) => n + 1), 1000);
    return () => window.clearInterval(id);
  }, []);
  const text = formatDuration(recorded + timer.elapsed());
  return (
    <span className="active-time" title="Active time on this solution (pauses while the tab is hidden)">
      <span className="visually-hidden">Active time </span>
      <span role="timer">{text}</span>
    </span>
  );
}

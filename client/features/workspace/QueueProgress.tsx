import type { ProjectDto } from '../../../shared/schemas/api';
import { queueProgress } from './header-text';

/** "12 done · 61 left" with a bar: the caller's submissions against the project's solutions. */
export function QueueProgress({ counts }: { counts: ProjectDto['counts'] | null }) {
  if (!counts) return <span className="queue-progress muted">Queue…</span>;
  const progress = queueProgress(counts);
  return (
    <span className="queue-progress">
      <progress max={100} value={progress.percent} aria-label={`Your progress: ${progress.text}`} />
      <span>{progress.text}</span>
    </span>
  );
}

/** Words and numbers of the workspace header. Pure. */

/** Active time as the header shows it: "04:07", or "1:02:03" past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

export interface QueueProgress {
  done: number;
  left: number;
  /** 0..100, for the progress bar. */
  percent: number;
  text: string;
}

/**
 * The caller's progress in a project: what they submitted against the project's solutions
 * (GET /api/projects/:project counts.mine and counts.solutions).
 */
export function queueProgress(counts: { solutions: number; mine: number }): QueueProgress {
  const done = Math.max(0, counts.mine);
  const left = Math.max(0, counts.solutions - done);
  const percent = counts.solutions > 0 ? Math.min(100, Math.round((100 * done) / counts.solutions)) : 0;
  return { done, left, percent, text: `${done} done · ${left} left` };
}

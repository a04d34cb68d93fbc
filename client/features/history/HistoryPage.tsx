import { useMemo } from 'react';
import { getSolutionHistory } from '../../api/history';
import { getSolution } from '../../api/solutions';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { useRemote } from '../../app/use-remote';
import { buildTimeline } from './history-diff';
import './history.css';
import { HistoryItem } from './HistoryItem';

/** /projects/:project/solutions/:id/history (lead+): every revision and audited event, oldest first. */
export function HistoryPage({ project, solutionId }: { project: string; solutionId: number }) {
  const key = String(solutionId);
  const history = useRemote(() => getSolutionHistory(solutionId), key);
  // The solution itself only names it; the history stands without it.
  const solution = useRemote(() => getSolution(solutionId), key);
  const timeline = useMemo(() => (history.data ? buildTimeline(history.data) : null), [history.data]);
  const name = solution.data?.solution.externalId ?? `#${solutionId}`;

  return (
    <main className="page history-page">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={paths.projects()}>Projects</Link> / <span>{project}</span> /{' '}
        <Link href={paths.projectProgress(project)}>Progress</Link> / <span>{name}</span>
      </nav>
      <h1>History of {name}</h1>
      {solution.data && (
        <p className="muted">
          {solution.data.solution.steps.length} steps · model {solution.data.solution.model} · round {solution.data.solution.round} ·{' '}
          <Link href={paths.annotate(project, solutionId)}>Open the solution</Link>
        </p>
      )}
      {history.data === null && history.loading && <p className="loading">Loading the history…</p>}
      {history.error && <p role="alert">Could not load the history: {history.error}</p>}
      {timeline && timeline.length === 0 && <p>Nothing has happened to this solution yet.</p>}
      {timeline && timeline.length > 0 && (
        <ol className="timeline" aria-label="Timeline, oldest first">
          {timeline.map((item, index) => (
            <HistoryItem key={index} item={item} />
          ))}
        </ol>
      )}
    </main>
  );
}

import { listAudit } from '../../api/audit';
import { getProgress } from '../../api/progress';
import { formatDate } from '../../app/format-time';
import { ProjectNav } from '../../app/ProjectNav';
import { useRemote } from '../../app/use-remote';
import { AnnotatorTable } from './AnnotatorTable';
import './progress.css';
import { ProjectTotals } from './ProjectTotals';
import { RecentActivity } from './RecentActivity';

const ACTIVITY_LIMIT = 20;

/** /projects/:project/progress (lead+): how far the project is, who did what, what happened lately. */
export function ProgressPage({ project }: { project: string }) {
  const progress = useRemote(() => getProgress(project), project);
  const activity = useRemote(() => listAudit({ project, limit: ACTIVITY_LIMIT }), project);
  // When the numbers on screen were read; "x min ago" is measured from there too.
  const readAt = progress.loadedAt;

  const refresh = () => {
    progress.reload();
    activity.reload();
  };

  return (
    <main className="page">
      <ProjectNav project={project} current="Progress" />
      <div className="page-head">
        <h1>Progress of {project}</h1>
        <button type="button" onClick={refresh} disabled={progress.loading}>
          Refresh
        </button>
        <span className="muted" role="status">
          {progress.loading ? 'Loading…' : readAt > 0 && `As of ${formatDate(new Date(readAt).toISOString())}`}
        </span>
      </div>
      {progress.error && <p role="alert">Could not load the progress: {progress.error}</p>}
      {progress.data && (
        <>
          <ProjectTotals totals={progress.data.project} />
          <AnnotatorTable annotators={progress.data.annotators} now={readAt} />
        </>
      )}
      {/* Keyed by load: a refresh starts the list again from the newest entries. */}
      <RecentActivity
        key={activity.loadedAt}
        project={project}
        entries={activity.data}
        error={activity.error}
        now={activity.loadedAt}
        pageSize={ACTIVITY_LIMIT}
      />
    </main>
  );
}

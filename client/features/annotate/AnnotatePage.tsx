import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { useAppStore } from '../../store/app-store';
import { AnnotateWorkspace } from './AnnotateWorkspace';
import { useActiveTimer } from './use-active-timer';
import { useSolutionView } from './use-solution-view';

/**
 * /projects/:project/annotate/:solutionId — loads the solution (and any unsaved local copy),
 * then the workspace. Keyed by solution in App, so each solution starts with a fresh timer
 * and draft.
 */
export function AnnotatePage({ project, solutionId }: { project: string; solutionId: number }) {
  const userId = useAppStore((s) => s.session.me?.user.id ?? 0);
  const load = useSolutionView(solutionId, userId);
  const timer = useActiveTimer();

  if (load.kind === 'loading') return <p className="page loading">Loading the solution…</p>;
  if (load.kind === 'failed') {
    return (
      <main className="page narrow">
        <h1>Could not open this solution</h1>
        <p role="alert">{load.message}</p>
        <p>
          <Link href={paths.projects()}>Back to projects</Link> · <Link href={paths.annotateNext(project)}>Next solution</Link>
        </p>
      </main>
    );
  }
  return <AnnotateWorkspace project={project} view={load.view} timer={timer} userId={userId} />;
}

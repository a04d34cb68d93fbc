import { useState } from 'react';
import { describeError } from '../../api/api-error';
import { takeNextSolution } from '../../api/projects';
import { Link } from '../../app/Link';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { useAppStore } from '../../store/app-store';
import { JudgmentPanel } from './JudgmentPanel';
import { ProblemPanel } from './ProblemPanel';
import { QueueEmpty } from './QueueEmpty';
import { StepList } from './StepList';
import { useActiveTimer } from './use-active-timer';
import { useSolutionView } from './use-solution-view';

type AfterSubmit = { kind: 'none' } | { kind: 'empty' } | { kind: 'failed'; message: string };

/**
 * /projects/:project/annotate/:solutionId — problem | steps | judgment. Keyed by solution in
 * App, so each solution starts with a fresh timer and draft.
 */
export function AnnotatePage({ project, solutionId }: { project: string; solutionId: number }) {
  const load = useSolutionView(solutionId);
  const timer = useActiveTimer();
  const lastSubmitted = useAppStore((s) => s.lastSubmitted);
  const [after, setAfter] = useState<AfterSubmit>({ kind: 'none' });

  const notice =
    lastSubmitted && lastSubmitted.solutionId !== solutionId ? `Submitted ${lastSubmitted.externalId}.` : null;

  const goToNext = async () => {
    try {
      const leased = await takeNextSolution(project);
      if (leased) navigate(paths.annotate(project, leased.solution.id));
      else setAfter({ kind: 'empty' });
    } catch (error) {
      setAfter({ kind: 'failed', message: describeError(error) });
    }
  };

  if (after.kind === 'empty') {
    const submitted = lastSubmitted ? `Submitted ${lastSubmitted.externalId}.` : null;
    return <QueueEmpty project={project} notice={submitted} />;
  }
  if (load.kind === 'loading') return <p className="page loading">Loading the solution…</p>;
  if (load.kind === 'failed') {
    return (
      <main className="page narrow">
        <h1>Could not open this solution</h1>
        <p role="alert">{load.message}</p>
        <p>
          <Link href={paths.projects()}>Back to projects</Link>
        </p>
      </main>
    );
  }

  const { view } = load;
  return (
    <main className="annotate">
      <div className="annotate-bar">
        <nav aria-label="Breadcrumb">
          <Link href={paths.projects()}>Projects</Link> / <span>{view.project.name}</span> /{' '}
          <span>{view.solution.externalId}</span>
        </nav>
        {notice && (
          <span className="notice">
            {notice} Here is your next solution.
          </span>
        )}
        {after.kind === 'failed' && (
          <span className="form-error" role="alert">
            Submitted, but the next solution could not be loaded: {after.message}{' '}
            <Link href={paths.annotateNext(project)}>Try again</Link>
          </span>
        )}
      </div>
      <div className="annotate-columns">
        <ProblemPanel problem={view.problem} guidelines={view.project.guidelines} />
        <StepList solution={view.solution} orm={view.orm} />
        <JudgmentPanel view={view} timer={timer} onSubmitted={goToNext} />
      </div>
    </main>
  );
}

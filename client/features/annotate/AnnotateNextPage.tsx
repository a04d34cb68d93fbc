import { useEffect, useState } from 'react';
import { describeError } from '../../api/api-error';
import { takeNextSolution } from '../../api/projects';
import { Link } from '../../app/Link';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { QueueEmpty } from './QueueEmpty';

type Next = { kind: 'asking' } | { kind: 'empty' } | { kind: 'failed'; message: string };

/** /projects/:project/annotate — leases the next solution and goes to it (replacing this URL). */
export function AnnotateNextPage({ project }: { project: string }) {
  const [next, setNext] = useState<Next>({ kind: 'asking' });

  useEffect(() => {
    let cancelled = false;
    takeNextSolution(project).then(
      (leased) => {
        if (cancelled) return;
        if (leased) navigate(paths.annotate(project, leased.solution.id), { replace: true });
        else setNext({ kind: 'empty' });
      },
      (error: unknown) => !cancelled && setNext({ kind: 'failed', message: describeError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [project]);

  if (next.kind === 'empty') return <QueueEmpty project={project} />;
  if (next.kind === 'failed') {
    return (
      <main className="page narrow">
        <h1>Could not get the next solution</h1>
        <p role="alert">{next.message}</p>
        <p>
          <Link href={paths.projects()}>Back to projects</Link>
        </p>
      </main>
    );
  }
  return <p className="page loading">Finding your next solution in {project}…</p>;
}

import { Link } from '../../app/Link';
import { paths } from '../../app/routes';

export function QueueEmpty({ project, notice }: { project: string; notice?: string | null }) {
  return (
    <main className="page narrow queue-empty">
      {notice && <p role="status">{notice}</p>}
      <h1>Queue empty — nothing left for you in this project</h1>
      <p>
        Every solution of <strong>{project}</strong> that needs you has been done, or is being done by someone
        else right now. Check back later.
      </p>
      <p>
        <Link href={paths.projects()}>Back to projects</Link>
      </p>
    </main>
  );
}

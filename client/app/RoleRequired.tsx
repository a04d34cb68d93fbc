import type { Role } from '../../shared/constants';
import { Link } from './Link';
import { paths } from './routes';

/** What a page says to someone whose role may not open it (the server would answer 403). */
export function RoleRequired({ role, current }: { role: Role; current: Role }) {
  return (
    <main className="page narrow">
      <h1>You need the {role} role for this page</h1>
      <p>
        You are signed in as {/^[aeiou]/.test(current) ? 'an' : 'a'} {current}. Ask an admin if you need this page.
      </p>
      <p>
        <Link href={paths.projects()}>Back to projects</Link>
      </p>
    </main>
  );
}

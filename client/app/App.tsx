import { useCallback, useEffect, useState } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { fetchMe } from '../api/auth';
import { UsersPage } from '../features/admin/UsersPage';
import { AnnotateNextPage } from '../features/annotate/AnnotateNextPage';
import { AnnotatePage } from '../features/annotate/AnnotatePage';
import { HistoryPage } from '../features/history/HistoryPage';
import { LoginPage } from '../features/login/LoginPage';
import { ExportPage } from '../features/export/ExportPage';
import { ProgressPage } from '../features/progress/ProgressPage';
import { MembersPage } from '../features/project-settings/MembersPage';
import { ProjectSettingsPage } from '../features/project-settings/ProjectSettingsPage';
import { ProjectListPage } from '../features/projects/ProjectListPage';
import { AgreementPage } from '../features/agreement/AgreementPage';
import { ReviewQueuePage } from '../features/review/ReviewQueuePage';
import { AdjudicatePage } from '../features/review/AdjudicatePage';
import { ImportPage } from '../features/import/ImportPage';
import { OrmPage } from '../features/orm/OrmPage';
import { appStore, useAppStore } from '../store/app-store';
import { canOpen, requiredRole } from './access';
import { AppShell } from './AppShell';
import { Link, Redirect } from './Link';
import { RoleRequired } from './RoleRequired';
import { usePathname } from './router';
import { parseRoute, paths, type Route } from './routes';

/** Asks the server once who is signed in; until it answers, nothing else renders. */
function useSessionCheck(): { error: string | null; retry: () => void } {
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    fetchMe().then(
      (me) => !cancelled && appStore.getState().signedIn(me),
      (e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.status === 401) appStore.getState().signedOut();
        else setError(describeError(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  return { error, retry };
}

/** Pages are keyed by what they show, so moving between projects starts each page afresh. */
function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'projects':
      return <ProjectListPage />;
    case 'annotate-next':
      return <AnnotateNextPage key={route.project} project={route.project} />;
    case 'annotate':
      // Keyed: a new solution is a fresh page (timer, loading state, draft).
      return <AnnotatePage key={route.solutionId} project={route.project} solutionId={route.solutionId} />;
    case 'admin-users':
      return <UsersPage />;
    case 'project-new':
      return <ProjectSettingsPage key="new" project={null} />;
    case 'project-settings':
      return <ProjectSettingsPage key={route.project} project={route.project} />;
    case 'project-members':
      return <MembersPage key={route.project} project={route.project} />;
    case 'project-progress':
      return <ProgressPage key={route.project} project={route.project} />;
    case 'project-export':
      return <ExportPage key={route.project} project={route.project} />;
    case 'solution-history':
      return <HistoryPage key={route.solutionId} project={route.project} solutionId={route.solutionId} />;
    case 'project-agreement':
      return <AgreementPage key={route.project} project={route.project} />;
    case 'project-review':
      return <ReviewQueuePage key={route.project} project={route.project} />;
    case 'adjudicate':
      return <AdjudicatePage key={route.solutionId} project={route.project} solutionId={route.solutionId} />;
    case 'project-import':
      return <ImportPage key={route.project} project={route.project} />;
    case 'project-orm':
      return <OrmPage key={route.project} project={route.project} />;
    case 'login':
      return <Redirect to={paths.projects()} />;
    case 'not-found':
      return (
        <main className="page narrow">
          <h1>Page not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. <Link href={paths.projects()}>Back to projects</Link>
          </p>
        </main>
      );
  }
}

export function App() {
  const status = useAppStore((s) => s.session.status);
  const role = useAppStore((s) => s.session.me?.user.role ?? null);
  const route = parseRoute(usePathname());
  const { error, retry } = useSessionCheck();

  if (error) {
    return (
      <main className="page narrow">
        <h1>Redline is not answering</h1>
        <p role="alert">{error}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </main>
    );
  }
  if (status === 'unknown') return <p className="page loading">Loading Redline…</p>;
  if (status === 'signed-out' || role === null) return route.name === 'login' ? <LoginPage /> : <Redirect to={paths.login()} />;
  const least = requiredRole(route);
  return <AppShell>{least && !canOpen(role, route) ? <RoleRequired role={least} current={role} /> : <Page route={route} />}</AppShell>;
}

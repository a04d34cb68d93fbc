import { useCallback, useState } from 'react';
import { listOrmRuns } from '../../api/orm-runs';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { useRemote } from '../../app/use-remote';
import './orm.css';
import { isActive } from './orm-form';
import { OrmRunForm } from './OrmRunForm';
import { OrmRunPanel } from './OrmRunPanel';
import { PastRuns } from './PastRuns';

/**
 * /projects/:project/orm (researcher+): run an ORM over the solutions it has not judged yet
 * (`redline judge` in the server), follow and stop the run, read the replies it could not parse.
 */
export function OrmPage({ project }: { project: string }) {
  const runs = useRemote(() => listOrmRuns(project), project);
  const [shownId, setShownId] = useState<number | null>(null);
  const { reload } = runs;

  // Until one is chosen: the run that is going, else the latest.
  const activeId = runs.data?.runs.find(isActive)?.id ?? null;
  const panelId = shownId ?? activeId ?? runs.data?.runs[0]?.id ?? null;

  const started = useCallback((id: number) => {
    setShownId(id);
    reload();
  }, [reload]);

  return (
    <main className="page orm-page">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={paths.projects()}>Projects</Link> / <span>{project}</span>
      </nav>
      <div className="page-head">
        <h1>ORM judgments for {project}</h1>
        <span className="muted">Sends every solution the model has not judged yet; a re-run sends only what is still missing.</span>
      </div>
      {runs.error && <p role="alert">Could not load the ORM runs: {runs.error}</p>}
      {runs.data && (
        <OrmRunForm
          project={project}
          defaultTemplate={runs.data.defaultPromptTemplate}
          apiKeyConfigured={runs.data.apiKeyConfigured}
          busy={activeId !== null}
          onStarted={started}
        />
      )}
      {panelId !== null && <OrmRunPanel key={panelId} project={project} runId={panelId} onChanged={reload} />}
      <PastRuns runs={runs.data?.runs ?? null} shownId={panelId} onShow={setShownId} />
    </main>
  );
}

import { useCallback, useState } from 'react';
import { listImports } from '../../api/imports';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { useRemote } from '../../app/use-remote';
import './import.css';
import { ImportJobPanel } from './ImportJobPanel';
import { RecentImports } from './RecentImports';
import { UploadForm } from './UploadForm';

/**
 * /projects/:project/import (researcher+): upload data files (and their images) into this
 * project, follow the import's progress, read its summary and download the rejected records.
 */
export function ImportPage({ project }: { project: string }) {
  const recent = useRemote(() => listImports(project), project);
  const [jobId, setJobId] = useState<number | null>(null);
  const { reload } = recent;
  const started = useCallback((id: number) => {
    setJobId(id);
    reload();
  }, [reload]);

  return (
    <main className="page import-page">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={paths.projects()}>Projects</Link> / <span>{project}</span>
      </nav>
      <div className="page-head">
        <h1>Import into {project}</h1>
      </div>
      <UploadForm project={project} onStarted={started} />
      {jobId !== null && <ImportJobPanel key={jobId} project={project} jobId={jobId} onEnded={reload} />}
      <RecentImports jobs={recent.data} error={recent.error} onOpen={setJobId} />
    </main>
  );
}

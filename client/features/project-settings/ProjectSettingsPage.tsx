import { useState } from 'react';
import type { ProjectDto } from '../../../shared/schemas/api';
import { getProject } from '../../api/projects';
import { Link } from '../../app/Link';
import { ProjectNav } from '../../app/ProjectNav';
import { paths } from '../../app/routes';
import { useRemote } from '../../app/use-remote';
import './project-settings.css';
import { ProjectSettingsForm } from './ProjectSettingsForm';
import { QcRateSection } from './QcRateSection';

/** /projects/new and /projects/:project/settings (lead+). */
export function ProjectSettingsPage({ project }: { project: string | null }) {
  return project === null ? <NewProject /> : <EditProject project={project} />;
}

function NewProject() {
  const [created, setCreated] = useState<ProjectDto | null>(null);
  if (created) return <Created project={created.name} />;
  return (
    <main className="page">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={paths.projects()}>Projects</Link> / <span>New project</span>
      </nav>
      <h1>New project</h1>
      <ProjectSettingsForm project={null} onSaved={setCreated} />
    </main>
  );
}

function Created({ project }: { project: string }) {
  return (
    <main className="page narrow">
      <h1>Project {project} created</h1>
      <p role="status">Next, add the people who will work on it, then import solutions.</p>
      <ul className="next-steps">
        <li>
          <Link href={paths.projectMembers(project)}>Add members to {project}</Link>
        </li>
        <li>
          Import solutions (researchers): <code>redline import FILE.jsonl --project {project}</code>
        </li>
        <li>
          <Link href={paths.projectSettings(project)}>Settings of {project}</Link> ·{' '}
          <Link href={paths.projectProgress(project)}>Progress of {project}</Link>
        </li>
      </ul>
    </main>
  );
}

function EditProject({ project }: { project: string }) {
  const remote = useRemote(() => getProject(project), project);
  return (
    <main className="page">
      <ProjectNav project={project} current="Settings" />
      <h1>Settings of {project}</h1>
      {remote.data === null && remote.loading && <p className="loading">Loading the settings…</p>}
      {remote.data === null && remote.error && <p role="alert">Could not load the settings: {remote.error}</p>}
      {remote.data && <ProjectSettingsForm project={remote.data} onSaved={remote.replace} />}
      {remote.data && <QcRateSection project={project} />}
    </main>
  );
}

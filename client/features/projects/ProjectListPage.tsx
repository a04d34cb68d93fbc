import { useEffect, useState } from 'react';
import type { ProjectDto } from '../../../shared/schemas/api';
import { describeError } from '../../api/api-error';
import { listProjects } from '../../api/projects';
import { hasRole, projectNav, researcherNav } from '../../app/access';
import { Link } from '../../app/Link';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { useAppStore } from '../../store/app-store';

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; projects: ProjectDto[] };

export function ProjectListPage() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const lead = useAppStore((s) => (s.session.me ? hasRole(s.session.me.user.role, 'lead') : false));
  const researcher = useAppStore((s) => (s.session.me ? hasRole(s.session.me.user.role, 'researcher') : false));

  useEffect(() => {
    let cancelled = false;
    listProjects().then(
      (projects) => !cancelled && setLoad({ kind: 'ready', projects }),
      (e: unknown) => !cancelled && setLoad({ kind: 'failed', message: describeError(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main className="page">
      <div className="page-head">
        <h1>Projects</h1>
        {lead && (
          <Link href={paths.projectNew()} className="button primary">
            New project
          </Link>
        )}
      </div>
      {load.kind === 'loading' && <p className="loading">Loading projects…</p>}
      {load.kind === 'failed' && <p role="alert">Could not load the projects: {load.message}</p>}
      {load.kind === 'ready' && load.projects.length === 0 && (
        <p>{lead ? 'There are no projects yet. Create one with “New project”.' : 'You are not in any project yet. Ask a lead to add you to one.'}</p>
      )}
      {load.kind === 'ready' && load.projects.length > 0 && (
        <ul className="project-list" aria-label="Projects">
          {load.projects.map((project) => (
            <ProjectCard key={project.name} project={project} lead={lead} researcher={researcher} />
          ))}
        </ul>
      )}
    </main>
  );
}

function ProjectCard({ project, lead, researcher }: { project: ProjectDto; lead: boolean; researcher: boolean }) {
  const { counts } = project;
  const headingId = `project-${project.name}`;
  return (
    <li className="project-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{project.name}</h2>
      <dl className="counts">
        <div>
          <dt>Solutions</dt>
          <dd>{counts.solutions}</dd>
        </div>
        <div>
          <dt>Complete</dt>
          <dd>{counts.complete}</dd>
        </div>
        <div>
          <dt>Mine</dt>
          <dd>{counts.mine}</dd>
        </div>
      </dl>
      <p className="muted">
        {counts.problems} problems · {project.overlap} annotator{project.overlap === 1 ? '' : 's'} per solution
      </p>
      <button type="button" className="primary" onClick={() => navigate(paths.annotateNext(project.name))}>
        Start annotating
      </button>
      {researcher && (
        <nav aria-label={`Manage ${project.name}`} className="card-links">
          {[...(lead ? projectNav(project.name) : []), ...researcherNav(project.name)].map((item) => (
            <Link key={item.label} href={item.href}>
              {item.label}
              <span className="visually-hidden"> of {project.name}</span>
            </Link>
          ))}
        </nav>
      )}
    </li>
  );
}

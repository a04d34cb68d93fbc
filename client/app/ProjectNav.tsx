import { projectNav } from './access';
import { Link } from './Link';
import { paths } from './routes';

/** The heading strip of a lead's project pages: where you are and the project's other pages. */
export function ProjectNav({ project, current }: { project: string; current: 'Settings' | 'Members' | 'Progress' | 'Agreement' | 'Review' | null }) {
  return (
    <div className="project-nav">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={paths.projects()}>Projects</Link> / <span>{project}</span>
      </nav>
      <nav aria-label={`Project ${project}`}>
        <ul className="tabs">
          {projectNav(project).map((item) => (
            <li key={item.label}>
              <Link href={item.href} aria-current={item.label === current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

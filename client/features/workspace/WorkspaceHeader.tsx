import type { ReactNode } from 'react';
import { hasRole } from '../../app/access';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { useAppStore } from '../../store/app-store';
import type { ActiveTimer } from '../annotate/active-timer';
import { ActiveTime } from './ActiveTime';
import { QueueProgress } from './QueueProgress';
import { useProjectCounts } from './use-project-counts';

interface WorkspaceHeaderProps {
  project: string;
  externalId: string;
  /** The server's id of the solution: leads and admins get a link to its history. */
  solutionId: number;
  timer: ActiveTimer;
  /** What just happened (submitted, skipped, failed): shown in the middle. */
  notice: ReactNode;
}

/** The strip above the columns: where you are, queue progress, active time, guidelines, keys. */
export function WorkspaceHeader({ project, externalId, solutionId, timer, notice }: WorkspaceHeaderProps) {
  const counts = useProjectCounts(project);
  const toggleOverlay = useAppStore((s) => s.toggleOverlay);
  const guidelinesOpen = useAppStore((s) => s.overlay === 'guidelines');
  const lead = useAppStore((s) => s.session.me !== null && hasRole(s.session.me.user.role, 'lead'));

  return (
    <div className="workspace-header">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={paths.projects()}>Projects</Link> / <span>{project}</span> / <span className="solution-id">{externalId}</span>
      </nav>
      <QueueProgress counts={counts} />
      <div className="header-notice">{notice}</div>
      <ActiveTime timer={timer} />
      {lead && <Link href={paths.solutionHistory(project, solutionId)}>History</Link>}
      <button type="button" aria-expanded={guidelinesOpen} onClick={() => toggleOverlay('guidelines')} title="Guidelines (g)">
        Guidelines
      </button>
      <button type="button" aria-haspopup="dialog" onClick={() => toggleOverlay('help')} title="Keyboard shortcuts (?)">
        Shortcuts
      </button>
    </div>
  );
}

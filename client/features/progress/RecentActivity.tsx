import { useState } from 'react';
import { describeError } from '../../api/api-error';
import { listAudit, type AuditEntryDto } from '../../api/audit';
import { formatDate, formatRelative } from '../../app/format-time';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { describeAudit, solutionTarget } from './progress-text';

interface RecentActivityProps {
  project: string;
  /** The newest page (GET /api/audit answers newest first). */
  entries: AuditEntryDto[] | null;
  error: string | null;
  now: number;
  pageSize: number;
}

/** The project's audit entries, newest first, paged back on demand; entries about a solution link to its history. */
export function RecentActivity({ project, entries, error, now, pageSize }: RecentActivityProps) {
  const [older, setOlder] = useState<AuditEntryDto[]>([]);
  const [more, setMore] = useState<'idle' | 'loading' | 'done'>('idle');
  const [olderError, setOlderError] = useState<string | null>(null);
  const shown = entries ? [...entries, ...older] : null;
  const exhausted = more === 'done' || (entries !== null && entries.length < pageSize);

  const loadOlder = async () => {
    const oldest = shown?.at(-1);
    if (!oldest) return;
    setMore('loading');
    setOlderError(null);
    try {
      const page = await listAudit({ project, limit: pageSize, before: oldest.id });
      setOlder((o) => [...o, ...page]);
      setMore(page.length < pageSize ? 'done' : 'idle');
    } catch (e) {
      setOlderError(describeError(e));
      setMore('idle');
    }
  };

  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity</h2>
      {error && <p role="alert">Could not load the activity: {error}</p>}
      {shown && shown.length === 0 && <p className="muted">Nothing has happened in this project yet.</p>}
      {shown && shown.length > 0 && (
        <ol className="activity" aria-labelledby="activity-heading">
          {shown.map((entry) => (
            <ActivityItem key={entry.id} project={project} entry={entry} now={now} />
          ))}
        </ol>
      )}
      {olderError && <p role="alert">Could not load older activity: {olderError}</p>}
      {shown && shown.length > 0 && !exhausted && (
        <button type="button" onClick={() => void loadOlder()} disabled={more === 'loading'}>
          Show older activity
        </button>
      )}
    </section>
  );
}

function ActivityItem({ project, entry, now }: { project: string; entry: AuditEntryDto; now: number }) {
  const solutionId = solutionTarget(entry);
  const externalId = typeof entry.details?.externalId === 'string' ? entry.details.externalId : null;
  return (
    <li>
      <time dateTime={entry.at} title={formatDate(entry.at)}>
        {formatRelative(entry.at, now)}
      </time>
      <span>{describeAudit(entry)}</span>
      {solutionId !== null && <Link href={paths.solutionHistory(project, solutionId)}>History of solution {externalId ?? solutionId}</Link>}
    </li>
  );
}

import type { OrmRunDto } from '../../../shared/schemas/judge';
import { formatDate } from '../../app/format-time';
import { STATE_LABEL } from './orm-form';

/** The project's recent ORM runs, newest first; Show opens one above. */
export function PastRuns({ runs, shownId, onShow }: { runs: OrmRunDto[] | null; shownId: number | null; onShow: (id: number) => void }) {
  if (runs === null) return null;
  return (
    <table className="data-table numeric orm-runs">
      <caption>Runs</caption>
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">State</th>
          <th scope="col">Model</th>
          <th scope="col">Round</th>
          <th scope="col">To send</th>
          <th scope="col">Stored</th>
          <th scope="col">Unparseable</th>
          <th scope="col">Failed</th>
          <th scope="col">Started</th>
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {runs.length === 0 && (
          <tr>
            <td colSpan={10} className="muted">No ORM runs yet.</td>
          </tr>
        )}
        {runs.map((run) => (
          <tr key={run.id} aria-current={run.id === shownId ? 'true' : undefined}>
            <th scope="row">{run.id}</th>
            <td>{STATE_LABEL[run.state]}</td>
            <td>{run.model}</td>
            <td>{run.round ?? 'all'}</td>
            <td>{run.counts.total}</td>
            <td>{run.counts.stored}</td>
            <td>{run.counts.unparseable}</td>
            <td>{run.counts.failed}</td>
            <td className="nowrap">
              {formatDate(run.createdAt)}
              {run.startedBy && ` by ${run.startedBy}`}
            </td>
            <td className="row-actions">
              <button type="button" onClick={() => onShow(run.id)} disabled={run.id === shownId} aria-label={`Show run ${run.id}`}>
                Show
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

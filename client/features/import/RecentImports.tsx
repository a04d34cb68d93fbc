import type { ImportJob } from '../../api/imports';
import { formatDate } from '../../app/format-time';

/** The project's recent imports, newest first; choosing one shows it above. */
export function RecentImports({ jobs, error, onOpen }: { jobs: ImportJob[] | null; error: string | null; onOpen: (id: number) => void }) {
  return (
    <section aria-label="Recent imports">
      <h2>Recent imports</h2>
      {error && <p role="alert">Could not load the recent imports: {error}</p>}
      {jobs && jobs.length === 0 && <p className="muted">No import yet.</p>}
      {jobs && jobs.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Import</th>
              <th scope="col">When</th>
              <th scope="col">By</th>
              <th scope="col">Files</th>
              <th scope="col">Status</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onOpen(job.id)}>
                    #{job.id}
                  </button>
                </th>
                <td className="nowrap">
                  <time dateTime={job.createdAt}>{formatDate(job.createdAt)}</time>
                </td>
                <td>{job.user ?? '—'}</td>
                <td>{job.progress.files.join(', ')}</td>
                <td>{job.status}</td>
                <td>{resultText(job)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function resultText(job: ImportJob): string {
  const t = job.totals;
  if (!t) return `${job.progress.lines} lines so far`;
  if ('error' in t) return t.error.message;
  const stored = t.committed ? '' : ' — nothing stored (strict)';
  return `${t.imported.solutions} solutions, ${t.imported.problems} problems, ${t.imported.ormJudgments} ORM judgments, ${t.unchanged} unchanged, ${t.bad} rejected${stored}`;
}

import { usePolled } from '../../app/use-polled';
import { getImport, rejectedReportUrl, type ImportJobDetail, type ImportSummary } from '../../api/imports';
import { formatBytes } from './upload-files';

/** Rejected records shown on the page; the download has them all. */
const SHOWN_REJECTED = 20;

/** One import job: its progress, polled while it runs, then the summary and the rejected records. */
export function ImportJobPanel({ project, jobId, onEnded }: { project: string; jobId: number; onEnded: () => void }) {
  const { value: job, error } = usePolled(() => getImport(project, jobId), (next) => next.status === 'running', onEnded, `${project}/${jobId}`);

  return (
    <section className="import-job" aria-label={`Import ${jobId}`}>
      <h2>Import {jobId}</h2>
      {error && <p role="alert">Could not read the import: {error}</p>}
      {job && <JobProgress job={job} />}
      {job?.result && 'error' in job.result && <p role="alert">The import failed: {job.result.error.message}</p>}
      {job?.result && 'summaries' in job.result && <JobSummary project={project} jobId={jobId} summaries={job.result.summaries} strict={job.progress.strict} />}
    </section>
  );
}

function JobProgress({ job }: { job: ImportJobDetail }) {
  const p = job.progress;
  const label = job.status === 'running' ? 'Importing' : job.status === 'done' ? 'Finished' : 'Failed';
  return (
    <div className="job-progress">
      <progress aria-label="Import progress" max={p.totalBytes || 1} value={job.status === 'running' ? p.bytesRead : p.totalBytes || 1} />
      <p role="status">
        {label}: {p.file}
        {p.files.length > 1 && ` (file ${p.fileIndex + 1} of ${p.files.length})`} — {p.lines} lines read, {p.bad} rejected, {formatBytes(p.bytesRead)} of{' '}
        {formatBytes(p.totalBytes)}
        {p.strict && ' (strict: read twice, check then write)'}
      </p>
    </div>
  );
}

function JobSummary({ project, jobId, summaries, strict }: { project: string; jobId: number; summaries: ImportSummary[]; strict: boolean }) {
  const bad = summaries.reduce((n, s) => n + s.badCount, 0);
  const rejected = summaries.flatMap((s) => s.bad.map((b) => ({ file: s.file, where: s.numbering === 'record' ? ` record ${b.line}` : `:${b.line}`, ...b }))).slice(0, SHOWN_REJECTED);
  return (
    <>
      <table className="data-table numeric import-summary">
        <caption>Summary</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Lines</th>
            <th scope="col">Problems</th>
            <th scope="col">Solutions</th>
            <th scope="col">ORM judgments</th>
            <th scope="col">Annotations</th>
            <th scope="col">Images</th>
            <th scope="col">Unchanged</th>
            <th scope="col">Rejected</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.file}>
              <th scope="row">
                {s.file}
                {!s.committed && <span className="muted"> — nothing stored{strict ? ' (strict)' : ''}</span>}
              </th>
              <td>{s.lines}</td>
              <td>{s.imported.problems}</td>
              <td>{s.imported.solutions}</td>
              <td>{s.imported.ormJudgments}</td>
              <td>{s.imported.annotations}</td>
              <td>{s.imported.images}</td>
              <td>{s.unchanged}</td>
              <td>{s.badCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {bad > 0 ? (
        <div className="rejected">
          <h3>Rejected records ({bad})</h3>
          <ol aria-label="Rejected records">
            {rejected.map((r) => (
              <li key={`${r.file}:${r.line}`}>
                <code>
                  {r.file}
                  {r.where}
                </code>{' '}
                {r.reason}
              </li>
            ))}
          </ol>
          {bad > rejected.length && <p className="muted">The first {rejected.length} are shown; the download lists them all.</p>}
          <p>
            <a className="button" href={rejectedReportUrl(project, jobId)} download>
              Download rejected records
            </a>{' '}
            <a href={rejectedReportUrl(project, jobId, 'jsonl')} download>
              as JSONL
            </a>
          </p>
        </div>
      ) : (
        <p>No record was rejected.</p>
      )}
    </>
  );
}

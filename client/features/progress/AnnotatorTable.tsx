import type { ProgressDto } from '../../../shared/schemas/admin';
import { formatDate, formatDuration, formatRelative } from '../../app/format-time';

type Annotator = ProgressDto['annotators'][number];

/** One row per annotator; times as m:ss or h:mm:ss. */
export function AnnotatorTable({ annotators, now }: { annotators: Annotator[]; now: number }) {
  return (
    <section aria-labelledby="annotators-heading">
      <h2 id="annotators-heading">Annotators</h2>
      {annotators.length === 0 ? (
        <p className="muted">No annotators yet: add members on the Members page.</p>
      ) : (
        <table className="data-table numeric" aria-labelledby="annotators-heading">
          <thead>
            <tr>
              <th scope="col">Annotator</th>
              <th scope="col">Submitted</th>
              <th scope="col">Drafts</th>
              <th scope="col">Leased</th>
              <th scope="col">Skipped</th>
              <th scope="col">Remaining</th>
              <th scope="col">Total time</th>
              <th scope="col">Median per item</th>
              <th scope="col">Last active</th>
            </tr>
          </thead>
          <tbody>
            {annotators.map((a) => (
              <tr key={a.name}>
                <th scope="row">{a.name}</th>
                <td>{a.submitted}</td>
                <td>{a.drafts}</td>
                <td>{a.leased}</td>
                <td>{a.skipped}</td>
                <td>{a.remaining}</td>
                <td>{formatDuration(a.totalTimeMs)}</td>
                <td>{formatDuration(a.medianTimeMs)}</td>
                <td>
                  {a.lastActiveAt ? (
                    <time dateTime={a.lastActiveAt} title={formatDate(a.lastActiveAt)}>
                      {formatRelative(a.lastActiveAt, now)}
                    </time>
                  ) : (
                    'never'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useEffect, useRef } from 'react';
import { getAgreementSolutions } from '../../api/agreement';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { useRemote } from '../../app/use-remote';
import { describeTarget, drillQuery, type AgreementFilters, type DrillTarget } from './agreement-query';

/**
 * The solutions behind one dashboard cell, each linking to its adjudication page. Focus moves to
 * the heading when a list opens; Escape or Close returns to the dashboard.
 */
export function DrillDownPanel({ project, target, filters, onClose }: {
  project: string;
  target: DrillTarget;
  filters: AgreementFilters;
  onClose: () => void;
}) {
  const query = drillQuery(target, filters);
  const result = useRemote(() => getAgreementSolutions(project, query), `${project}?${query}`);
  const heading = useRef<HTMLHeadingElement>(null);
  const title = describeTarget(target);

  useEffect(() => heading.current?.focus(), [query]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const data = result.data;
  return (
    <aside className="drill-panel" aria-labelledby="drill-heading">
      <div className="drill-head">
        <h2 id="drill-heading" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {result.error && <p role="alert">Could not list the solutions: {result.error}</p>}
      {!data && !result.error && <p className="loading" role="status">Loading the solutions…</p>}
      {data && (
        <>
          <p className="muted" role="status">
            {data.total === 0
              ? 'No solution is behind this cell.'
              : data.truncated
                ? `Showing ${data.solutions.length} of ${data.total} solutions.`
                : `${data.total} ${data.total === 1 ? 'solution' : 'solutions'}.`}{' '}
            Open one to adjudicate it.
          </p>
          {data.solutions.length > 0 && (
            <table className="data-table compact" aria-label={`Solutions: ${title}`}>
              <thead>
                <tr>
                  <th scope="col">Solution</th>
                  <th scope="col">Round</th>
                  <th scope="col">Human</th>
                  <th scope="col">ORM</th>
                </tr>
              </thead>
              <tbody>
                {data.solutions.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link href={paths.adjudicate(project, s.id)}>{s.externalId}</Link>
                      <div className="muted">
                        {s.problemExternalId} · {s.model}
                      </div>
                    </th>
                    <td>{s.round}</td>
                    <td>{s.humanVerdict ?? '—'}</td>
                    <td>{s.ormVerdict ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </aside>
  );
}

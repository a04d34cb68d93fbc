import { useCallback, useState } from 'react';
import type { AgreementReport } from '../../../shared/schemas/agreement';
import { ApiError } from '../../api/api-error';
import { getAgreement } from '../../api/agreement';
import { formatDate } from '../../app/format-time';
import { ProjectNav } from '../../app/ProjectNav';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { useRemote } from '../../app/use-remote';
import './agreement.css';
import { pageQuery, parseFilters, reportQuery, type AgreementFilters, type DrillTarget } from './agreement-query';
import { DrillDownPanel } from './DrillDownPanel';
import { EmptyReport } from './EmptyReport';
import { mergeChoices, NO_CHOICES } from './filter-choices';
import { FiltersBar } from './FiltersBar';
import { HeadlineCards } from './HeadlineCards';
import { isEmptyReport } from './headline-cards';
import { AnnotatorsSection } from './sections/AnnotatorsSection';
import { ConfusionSection } from './sections/ConfusionSection';
import { ErrorTypesSection } from './sections/ErrorTypesSection';
import { KappaSection } from './sections/KappaSection';
import { OrmByRoundSection } from './sections/OrmByRoundSection';
import { QcSection } from './sections/QcSection';
import { TimePerItemSection } from './sections/TimePerItemSection';
import { TransitionsSection } from './sections/TransitionsSection';

/** Whether `report` answers `filters` (else a newer one is on its way). */
function answers(report: AgreementReport, filters: AgreementFilters): boolean {
  const f = report.filters;
  return f.round === filters.round && f.subject === filters.subject && f.annotator === filters.annotator && f.bootstrap === filters.bootstrap;
}

function LoadError({ project, cause, message, retry }: { project: string; cause: unknown; message: string; retry: () => void }) {
  if (cause instanceof ApiError && cause.status === 403) {
    return (
      <section className="empty-report" aria-labelledby="error-heading">
        <h2 id="error-heading">Agreement is for leads only</h2>
        <p>The agreement report shows every annotator’s labels, so only leads and admins may open it.</p>
      </section>
    );
  }
  if (cause instanceof ApiError && cause.status === 404) {
    return (
      <section className="empty-report" aria-labelledby="error-heading">
        <h2 id="error-heading">No project named {project}</h2>
        <p>It may have been renamed, or the link is mistyped.</p>
      </section>
    );
  }
  return (
    <p role="alert">
      Could not compute the agreement report: {message}{' '}
      <button type="button" onClick={retry}>Try again</button>
    </p>
  );
}

/** /projects/:project/agreement (lead+): SPEC §6 as figures, charts and drill-down lists. */
export function AgreementDashboard({ project }: { project: string }) {
  const [filters, setFilterState] = useState(() => parseFilters(window.location.search));
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const query = reportQuery(filters);
  const report = useRemote(() => getAgreement(project, query), `${project}?${query}`);

  // The menus remember every round and annotator seen so far (adjusted while rendering, per report).
  const [choices, setChoices] = useState(NO_CHOICES);
  const [choicesFrom, setChoicesFrom] = useState<AgreementReport | null>(null);
  if (report.data !== choicesFrom) {
    setChoicesFrom(report.data);
    setChoices((c) => mergeChoices(c, report.data, filters));
  }

  const setFilters = (next: AgreementFilters) => {
    setFilterState(next);
    const q = pageQuery(next);
    navigate(`${paths.projectAgreement(project)}${q ? `?${q}` : ''}`, { replace: true });
  };
  const closeDrill = useCallback(() => setDrill(null), []);

  const data = report.data;
  const current = data !== null && answers(data, filters);
  return (
    <main className={`page agreement-page${drill ? ' with-drill' : ''}`}>
      <ProjectNav project={project} current="Agreement" />
      <div className="page-head">
        <h1>Agreement in {project}</h1>
        <button type="button" onClick={report.reload} disabled={report.loading}>
          Refresh
        </button>
        <span className="muted" role="status">
          {report.loading || (data && !current && !report.error)
            ? filters.bootstrap ? 'Computing (with bootstrap intervals)…' : 'Computing…'
            : data && `As of ${formatDate(data.generatedAt)}${data.filters.bootstrap ? ` · ${data.filters.samples} bootstrap samples, seed ${data.filters.seed}` : ''}`}
        </span>
      </div>
      <FiltersBar filters={filters} choices={choices} onChange={setFilters} />
      {report.error && <LoadError project={project} cause={report.cause} message={report.error} retry={report.reload} />}
      {!data && !report.error && <p className="loading">Loading the agreement report…</p>}
      {data && !(report.error && report.cause instanceof ApiError && [403, 404].includes(report.cause.status)) && (
        <div className={current ? undefined : 'stale'} aria-busy={!current}>
          {isEmptyReport(data) ? (
            <EmptyReport project={project} filters={filters} />
          ) : (
            <>
              <HeadlineCards report={data} />
              <div className="chart-grid">
                <ConfusionSection orm={data.ormVsHuman} onDrill={setDrill} />
                <KappaSection matrix={data.kappaMatrix} onDrill={setDrill} />
                <OrmByRoundSection orm={data.ormVsHuman} onDrill={setDrill} />
                <TransitionsSection transitions={data.roundTransitions} onDrill={setDrill} />
                <ErrorTypesSection errorTypes={data.errorTypes} onDrill={setDrill} />
                <TimePerItemSection times={data.timePerItem} onDrill={setDrill} />
                <QcSection qc={data.qc} onDrill={setDrill} />
              </div>
              <AnnotatorsSection annotators={data.annotators} onDrill={setDrill} />
            </>
          )}
        </div>
      )}
      {drill && <DrillDownPanel project={project} target={drill} filters={filters} onClose={closeDrill} />}
    </main>
  );
}

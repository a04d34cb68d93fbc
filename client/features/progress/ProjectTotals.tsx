import type { ProgressDto } from '../../../shared/schemas/admin';
import { totalsView } from './progress-text';

/** Done / in progress / remaining as numbers, and one bar a screen reader can read. */
export function ProjectTotals({ totals }: { totals: ProgressDto['project'] }) {
  const view = totalsView(totals);
  return (
    <section className="totals" aria-labelledby="totals-heading">
      <h2 id="totals-heading">Solutions</h2>
      <dl className="counts">
        <Count label="Done" value={totals.done} />
        <Count label="In progress" value={totals.inProgress} />
        <Count label="Remaining" value={totals.remaining} />
        <Count label="Total" value={totals.solutions} />
        <Count label="Annotations" value={`${totals.submittedAnnotations} / ${totals.neededAnnotations}`} />
      </dl>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Solutions done"
        aria-valuemin={0}
        aria-valuemax={Math.max(totals.solutions, 1)}
        aria-valuenow={totals.done}
        aria-valuetext={view.valueText}
      >
        <span className="bar-done" style={{ width: `${view.donePercent}%` }} />
        <span className="bar-in-progress" style={{ width: `${view.inProgressPercent}%` }} />
      </div>
      <p className="muted legend">
        <span className="swatch bar-done" aria-hidden="true" /> done (every needed annotation submitted){' '}
        <span className="swatch bar-in-progress" aria-hidden="true" /> in progress (some work submitted or leased)
      </p>
    </section>
  );
}

function Count({ label, value }: { label: string; value: number | string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

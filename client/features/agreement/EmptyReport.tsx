import type { AgreementFilters } from './agreement-query';

/** A report with nothing in it: say why, and what each figure needs before it can be computed. */
export function EmptyReport({ project, filters }: { project: string; filters: AgreementFilters }) {
  const filtered = filters.round !== null || filters.subject !== null || filters.annotator !== null;
  return (
    <section className="empty-report" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{filtered ? 'No submitted annotations match these filters' : `No submitted annotations in ${project} yet`}</h2>
      <p>Only submitted annotations count (drafts do not; gold adjudications are not raters). What each figure needs:</p>
      <ul>
        <li><strong>Verdict agreement, Fleiss’ κ, Krippendorff’s α</strong>: solutions with verdicts from at least two annotators (set the project’s overlap to 2 or more).</li>
        <li><strong>Cohen’s κ between annotators</strong>: two annotators who rated the same solutions.</li>
        <li><strong>First wrong step</strong>: solutions that at least two annotators called incorrect.</li>
        <li><strong>Step ratings α</strong>: step ratings from two or more annotators (projects in every-step mode).</li>
        <li><strong>Error type α</strong>: error types from two or more annotators on the same solutions.</li>
        <li><strong>ORM vs humans, ORM by round, error types</strong>: solutions with an ORM judgment and a gold adjudication or a human consensus.</li>
        <li><strong>Round transitions</strong>: problems with judged solutions in two rounds.</li>
        <li><strong>QC accuracy</strong>: adjudications flagged as quality control, answered by annotators.</li>
      </ul>
    </section>
  );
}

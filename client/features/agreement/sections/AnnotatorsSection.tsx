import type { AgreementReport } from '../../../../shared/schemas/agreement';
import { formatDuration } from '../../../app/format-time';
import type { DrillTarget } from '../agreement-query';
import { DrillButton } from '../DrillButton';
import { formatCi, formatPercent } from '../stat-format';
import { StatValue } from '../StatValue';

type Stat = AgreementReport['annotators'][number]['agreementWithGold'];

function StatCell({ stat }: { stat: Stat }) {
  const ci = formatCi(stat.ci95, 'percent');
  return (
    <td title={ci ?? undefined}>
      <StatValue text={formatPercent(stat.value)} /> <span className="muted">n={stat.n}</span>
    </td>
  );
}

/** SPEC §6 "per annotator": items, median time, agreement with gold and with the others' consensus, QC. */
export function AnnotatorsSection({ annotators, onDrill }: { annotators: AgreementReport['annotators']; onDrill: (t: DrillTarget) => void }) {
  return (
    <section className="wide-card" aria-labelledby="annotators-heading">
      <h2 id="annotators-heading">Annotators</h2>
      <table className="data-table numeric compact" aria-labelledby="annotators-heading">
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col">Submitted</th>
            <th scope="col">Median time</th>
            <th scope="col">Agrees with gold</th>
            <th scope="col">Agrees with others’ consensus</th>
            <th scope="col">QC accuracy</th>
          </tr>
        </thead>
        <tbody>
          {annotators.map((a) => (
            <tr key={a.name}>
              <th scope="row">{a.name}</th>
              <td>
                <DrillButton target={{ cell: 'annotator', name: a.name }} onDrill={onDrill}>{a.items}</DrillButton>
              </td>
              <td><StatValue text={formatDuration(a.medianTimeMs)} /></td>
              <StatCell stat={a.agreementWithGold} />
              <StatCell stat={a.agreementWithConsensus} />
              <td><StatValue text={formatPercent(a.qcAccuracy)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

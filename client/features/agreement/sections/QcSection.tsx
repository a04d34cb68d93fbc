import { useMemo } from 'react';
import type { AgreementReport } from '../../../../shared/schemas/agreement';
import type { DrillTarget } from '../agreement-query';
import { ChartCard } from '../ChartCard';
import { DrillButton } from '../DrillButton';
import { qcChart } from '../series-charts';
import { formatPercent } from '../stat-format';
import { StatValue } from '../StatValue';

/** Accuracy on quality-control items: solutions a lead adjudicated and flagged QC. */
export function QcSection({ qc, onDrill }: { qc: AgreementReport['qc']; onDrill: (t: DrillTarget) => void }) {
  const spec = useMemo(() => qcChart(qc), [qc]);
  return (
    <ChartCard id="qc" title="QC accuracy" spec={spec} onDrill={onDrill} empty={qc.every((q) => q.items === 0) ? 'No QC items answered yet: flag adjudications as quality control and let annotators meet them in their queues.' : null} note="Verdicts on gold items flagged QC in adjudication.">
      <table className="data-table numeric compact" aria-label="QC accuracy">
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col">QC items</th>
            <th scope="col">Correct</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {qc.map((q) => (
            <tr key={q.name}>
              <th scope="row">{q.name}</th>
              <td>
                <DrillButton target={{ cell: 'qc', name: q.name }} onDrill={onDrill}>{q.items}</DrillButton>
              </td>
              <td>{q.correct}</td>
              <td><StatValue text={formatPercent(q.accuracy)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartCard>
  );
}

import { useMemo } from 'react';
import type { AgreementReport } from '../../../../shared/schemas/agreement';
import type { DrillTarget } from '../agreement-query';
import { ChartCard } from '../ChartCard';
import { DrillButton } from '../DrillButton';
import { errorTypesChart } from '../series-charts';

/** Error types of the solutions humans finally judged incorrect, and how often the ORM caught them. */
export function ErrorTypesSection({ errorTypes, onDrill }: { errorTypes: AgreementReport['errorTypes']; onDrill: (t: DrillTarget) => void }) {
  const spec = useMemo(() => errorTypesChart(errorTypes), [errorTypes]);
  return (
    <ChartCard id="error-types" title="Error types" spec={spec} onDrill={onDrill} empty={errorTypes.length === 0 ? 'Needs solutions finally judged incorrect with an error type.' : null} note="Final human judgment (gold, else consensus); the ORM names no type of its own.">
      <table className="data-table numeric compact" aria-label="Error types">
        <thead>
          <tr>
            <th scope="col">Error type</th>
            <th scope="col">Solutions</th>
            <th scope="col">With an ORM judgment</th>
            <th scope="col">ORM said incorrect</th>
          </tr>
        </thead>
        <tbody>
          {errorTypes.map((e) => (
            <tr key={e.errorType}>
              <th scope="row">{e.errorType}</th>
              <td>
                <DrillButton target={{ cell: 'errorType', errorType: e.errorType }} onDrill={onDrill}>{e.human}</DrillButton>
              </td>
              <td>{e.ormJudged}</td>
              <td>{e.ormIncorrect}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartCard>
  );
}

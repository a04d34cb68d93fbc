import { useMemo } from 'react';
import type { AgreementReport } from '../../../../shared/schemas/agreement';
import { formatDuration } from '../../../app/format-time';
import type { DrillTarget } from '../agreement-query';
import { ChartCard } from '../ChartCard';
import { DrillButton } from '../DrillButton';
import { timePerItemChart } from '../series-charts';
import { StatValue } from '../StatValue';

/** Active time per submitted item, per annotator: quartiles and median. */
export function TimePerItemSection({ times, onDrill }: { times: AgreementReport['timePerItem']; onDrill: (t: DrillTarget) => void }) {
  const spec = useMemo(() => timePerItemChart(times), [times]);
  return (
    <ChartCard id="time" title="Time per item" spec={spec} onDrill={onDrill} empty={times.every((t) => t.medianMs === null) ? 'Needs submitted annotations with recorded time.' : null} note="Boxes span the first to the third quartile; the line is the median.">
      <table className="data-table numeric compact" aria-label="Time per item">
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col">Items</th>
            <th scope="col">Q1</th>
            <th scope="col">Median</th>
            <th scope="col">Q3</th>
          </tr>
        </thead>
        <tbody>
          {times.map((t) => (
            <tr key={t.name}>
              <th scope="row">{t.name}</th>
              <td>
                <DrillButton target={{ cell: 'annotator', name: t.name }} onDrill={onDrill}>{t.items}</DrillButton>
              </td>
              <td><StatValue text={formatDuration(t.q1Ms)} /></td>
              <td><StatValue text={formatDuration(t.medianMs)} /></td>
              <td><StatValue text={formatDuration(t.q3Ms)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartCard>
  );
}

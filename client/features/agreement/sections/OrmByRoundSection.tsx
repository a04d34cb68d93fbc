import { useMemo } from 'react';
import type { AgreementReport } from '../../../../shared/schemas/agreement';
import type { DrillTarget, HumanOrOrm } from '../agreement-query';
import { ChartCard } from '../ChartCard';
import { DrillButton } from '../DrillButton';
import { ormByRoundChart } from '../series-charts';
import { formatPercent } from '../stat-format';
import { StatValue } from '../StatValue';

const CELLS: Array<[HumanOrOrm, HumanOrOrm, string]> = [
  ['correct', 'correct', 'H✓ O✓'],
  ['correct', 'incorrect', 'H✓ O✗'],
  ['incorrect', 'correct', 'H✗ O✓'],
  ['incorrect', 'incorrect', 'H✗ O✗'],
];

/** The ORM per round (MathSE stages): accuracy and ProcessBench F1, with each round's confusion counts. */
export function OrmByRoundSection({ orm, onDrill }: { orm: AgreementReport['ormVsHuman']; onDrill: (t: DrillTarget) => void }) {
  const spec = useMemo(() => ormByRoundChart(orm), [orm]);
  return (
    <ChartCard id="orm-rounds" title="ORM by round" spec={spec} onDrill={onDrill} empty={orm.byRound.length === 0 ? 'Needs solutions with an ORM judgment and a human reference (gold or consensus).' : null} note="A bar lists that round’s false accepts: wrong solutions the ORM called correct.">
      <table className="data-table numeric compact" aria-label="ORM by round">
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">n</th>
            <th scope="col">Accuracy</th>
            <th scope="col">PB F1</th>
            <th scope="col">F1 (wrong)</th>
            {CELLS.map(([h, o, short]) => <th key={short} scope="col" title={`human ${h}, ORM ${o}`}>{short}</th>)}
          </tr>
        </thead>
        <tbody>
          {orm.byRound.map((r) => (
            <tr key={r.round}>
              <th scope="row">{r.round}</th>
              <td>{r.items}</td>
              <td><StatValue text={formatPercent(r.accuracy)} /></td>
              <td><StatValue text={formatPercent(r.processBenchF1)} /></td>
              <td><StatValue text={formatPercent(r.f1Wrong)} /></td>
              {CELLS.map(([human, ormVerdict, short]) => (
                <td key={short}>
                  <DrillButton target={{ cell: 'confusion', human, orm: ormVerdict, round: r.round }} onDrill={onDrill}>
                    {r.confusion[human][ormVerdict]}
                  </DrillButton>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartCard>
  );
}

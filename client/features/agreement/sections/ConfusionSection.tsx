import { useMemo } from 'react';
import type { AgreementReport } from '../../../../shared/schemas/agreement';
import type { DrillTarget, HumanOrOrm } from '../agreement-query';
import { ChartCard } from '../ChartCard';
import { DrillButton } from '../DrillButton';
import { confusionChart } from '../matrix-charts';
import { formatPercent } from '../stat-format';
import { StatValue } from '../StatValue';

const VERDICTS: HumanOrOrm[] = ['correct', 'incorrect'];

const REFERENCE: Record<AgreementReport['ormVsHuman']['reference'], string> = {
  gold: 'gold labels',
  consensus: 'the annotators’ consensus (majority; ties left out)',
  'gold+consensus': 'gold where adjudicated, else the annotators’ consensus',
};

/** ORM vs humans: the confusion heat map, its table (a button per cell) and the derived rates. */
export function ConfusionSection({ orm, onDrill }: { orm: AgreementReport['ormVsHuman']; onDrill: (t: DrillTarget) => void }) {
  const spec = useMemo(() => confusionChart(orm), [orm]);
  return (
    <ChartCard
      id="confusion"
      title="ORM vs humans"
      spec={spec}
      onDrill={onDrill}
      tableOpen
      height={200}
      note={<>Human = {REFERENCE[orm.reference]}; {orm.items} solutions{orm.ormModel ? `, ORM ${orm.ormModel}` : ''}.</>}
    >
      <table className="data-table numeric compact" aria-label="Confusion matrix: rows human, columns ORM">
        <thead>
          <tr>
            <th scope="col">Human \ ORM</th>
            {VERDICTS.map((v) => <th key={v} scope="col">ORM {v}</th>)}
          </tr>
        </thead>
        <tbody>
          {VERDICTS.map((human) => (
            <tr key={human}>
              <th scope="row">Human {human}</th>
              {VERDICTS.map((ormVerdict) => (
                <td key={ormVerdict}>
                  <DrillButton target={{ cell: 'confusion', human, orm: ormVerdict }} onDrill={onDrill}>
                    {orm.confusion[human][ormVerdict]}
                  </DrillButton>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="figures">
        <div><dt>Precision (wrong)</dt><dd><StatValue text={formatPercent(orm.precisionWrong)} /></dd></div>
        <div><dt>Recall (wrong)</dt><dd><StatValue text={formatPercent(orm.recallWrong)} /></dd></div>
        <div><dt>F1 (wrong)</dt><dd><StatValue text={formatPercent(orm.f1Wrong)} /></dd></div>
        <div><dt>Same first wrong step</dt><dd><StatValue text={formatPercent(orm.firstErrorStepMatch)} /></dd></div>
      </dl>
    </ChartCard>
  );
}

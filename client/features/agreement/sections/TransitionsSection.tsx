import { useMemo } from 'react';
import { TRANSITION_NAMES, type AgreementReport } from '../../../../shared/schemas/agreement';
import { transitionWords, type DrillTarget } from '../agreement-query';
import { ChartCard } from '../ChartCard';
import { DrillButton } from '../DrillButton';
import { transitionsChart } from '../series-charts';

/** How problems' final verdicts moved from one round to the next (MathSE Fig. 2). */
export function TransitionsSection({ transitions, onDrill }: { transitions: AgreementReport['roundTransitions']; onDrill: (t: DrillTarget) => void }) {
  const spec = useMemo(() => transitionsChart(transitions), [transitions]);
  return (
    <ChartCard
      id="transitions"
      title="Round transitions"
      spec={spec}
      onDrill={onDrill}
      empty={transitions.length === 0 ? 'Needs problems with judged solutions in two rounds.' : null}
      note="Problems with solutions in both rounds; a problem is correct in a round when one of its solutions is judged correct."
    >
      <table className="data-table numeric compact" aria-label="Round transitions">
        <thead>
          <tr>
            <th scope="col">Rounds</th>
            <th scope="col">Problems</th>
            {TRANSITION_NAMES.map((n) => <th key={n} scope="col">{transitionWords(n)}</th>)}
          </tr>
        </thead>
        <tbody>
          {transitions.map((t) => (
            <tr key={`${t.from}-${t.to}`}>
              <th scope="row">{t.from} → {t.to}</th>
              <td>{t.problems}</td>
              {TRANSITION_NAMES.map((n) => (
                <td key={n}>
                  <DrillButton target={{ cell: 'transition', from: t.from, to: t.to, transition: n }} onDrill={onDrill}>{t[n]}</DrillButton>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartCard>
  );
}

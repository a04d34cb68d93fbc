import { useMemo } from 'react';
import type { AgreementReport } from '../../../../shared/schemas/agreement';
import type { DrillTarget } from '../agreement-query';
import { ChartCard } from '../ChartCard';
import { DrillButton } from '../DrillButton';
import { kappaChart } from '../matrix-charts';
import { formatCi, formatCoefficient } from '../stat-format';
import { StatValue } from '../StatValue';

/** Cohen's kappa of every pair of annotators (over the items both rated), as a heat map and a matrix. */
export function KappaSection({ matrix, onDrill }: { matrix: AgreementReport['kappaMatrix']; onDrill: (t: DrillTarget) => void }) {
  const spec = useMemo(() => kappaChart(matrix), [matrix]);
  const names = matrix.annotators;
  return (
    <ChartCard id="kappa" title="Cohen's κ between annotators" spec={spec} onDrill={onDrill} empty={names.length < 2 ? 'Needs two annotators who rated the same solutions.' : null} note="Over the solutions both annotators rated; green is agreement beyond chance.">
      {names.length >= 2 && (
        <table className="data-table numeric compact" aria-label="Cohen's kappa between annotators">
          <thead>
            <tr>
              <th scope="col">Annotator</th>
              {names.map((n) => <th key={n} scope="col">{n}</th>)}
            </tr>
          </thead>
          <tbody>
            {names.map((a, i) => (
              <tr key={a}>
                <th scope="row">{a}</th>
                {names.map((b, j) => {
                  const cell = matrix.cells[i]?.[j] ?? null;
                  if (i === j || cell === null) return <td key={b} aria-label="same annotator">·</td>;
                  const ci = formatCi(cell.ci95, 'coefficient');
                  return (
                    <td key={b} title={ci ?? undefined}>
                      <DrillButton target={{ cell: 'pair', a, b }} onDrill={onDrill}>
                        <StatValue text={formatCoefficient(cell.value)} /> <span className="muted">n={cell.n}</span>
                      </DrillButton>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ChartCard>
  );
}

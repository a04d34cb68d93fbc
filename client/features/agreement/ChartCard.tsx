import { useCallback, type ReactNode } from 'react';
import type { DrillTarget } from './agreement-query';
import { EChart } from './chart/EChart';
import type { ChartClick } from './chart/chart-option';
import { targetOf, type ChartSpec } from './chart-spec';

/**
 * One chart of the dashboard with its title, the canvas (summarised by `spec.label` for screen
 * readers) and its numbers as a table whose cells open the same drill-down as a click.
 * `tableOpen` shows the table at once (the confusion matrix); others fold it under "Numbers".
 * `empty` (what the chart needs) replaces chart and table when there is nothing to draw.
 */
export function ChartCard({ id, title, spec, onDrill, note, tableOpen = false, height, empty = null, children }: {
  id: string;
  title: string;
  spec: ChartSpec;
  onDrill: (target: DrillTarget) => void;
  note?: ReactNode;
  tableOpen?: boolean;
  height?: number;
  empty?: string | null;
  children: ReactNode;
}) {
  const onClick = useCallback((click: ChartClick) => {
    const target = targetOf(spec, click);
    if (target) onDrill(target);
  }, [spec, onDrill]);
  return (
    <section className="chart-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {note && <p className="muted chart-note">{note}</p>}
      {empty !== null ? (
        <p className="chart-empty">{empty}</p>
      ) : (
        <>
          <EChart option={spec.option} label={spec.label} onClick={onClick} {...(height ? { height } : {})} />
          {tableOpen ? (
            children
          ) : (
            <details>
              <summary>Numbers for {title.toLowerCase()}</summary>
              {children}
            </details>
          )}
        </>
      )}
    </section>
  );
}

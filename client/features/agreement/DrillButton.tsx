import type { ReactNode } from 'react';
import { describeTarget, type DrillTarget } from './agreement-query';

/** A table cell's way into the drill-down: the same list a click on the chart opens, by keyboard. */
export function DrillButton({ target, onDrill, children, disabled = false }: {
  target: DrillTarget;
  onDrill: (target: DrillTarget) => void;
  children: ReactNode;
  disabled?: boolean;
}) {
  return (
    <button type="button" className="drill-button" disabled={disabled} onClick={() => onDrill(target)} aria-label={`List solutions: ${describeTarget(target)}`}>
      {children}
    </button>
  );
}

import { useRef, type CSSProperties, type ReactNode } from 'react';
import { ColumnDivider } from './ColumnDivider';
import { useColumnLayout } from './use-column-layout';

interface WorkspaceColumnsProps {
  problem: ReactNode;
  steps: ReactNode;
  judgment: ReactNode;
}

/** Column ids, for the dividers' aria-controls (the panels carry them). */
export const COLUMN_IDS = { problem: 'column-problem', steps: 'column-steps', judgment: 'column-judgment' } as const;

/**
 * problem | steps | judgment with two resizable dividers. The panels arrive as elements made by
 * the parent, so dragging a divider re-renders this grid only, never the panels.
 */
export function WorkspaceColumns({ problem, steps, judgment }: WorkspaceColumnsProps) {
  const container = useRef<HTMLDivElement>(null);
  const { widths, ...controls } = useColumnLayout(container);
  const style = { '--col-left': `${widths.left}px`, '--col-right': `${widths.right}px` } as CSSProperties;
  return (
    <div ref={container} className="workspace-columns" style={style}>
      {problem}
      <ColumnDivider
        side="left"
        label="Resize the problem and steps columns"
        controls={`${COLUMN_IDS.problem} ${COLUMN_IDS.steps}`}
        widths={widths}
        {...controls}
      />
      {steps}
      <ColumnDivider
        side="right"
        label="Resize the steps and judgment columns"
        controls={`${COLUMN_IDS.steps} ${COLUMN_IDS.judgment}`}
        widths={widths}
        {...controls}
      />
      {judgment}
    </div>
  );
}

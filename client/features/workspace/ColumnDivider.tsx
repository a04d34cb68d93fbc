import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { dividerPercent, type ColumnWidths, type Side } from './column-layout';

interface ColumnDividerProps {
  side: Side;
  label: string;
  /** ids of the two columns it sits between. */
  controls: string;
  widths: ColumnWidths;
  beginDrag: (side: Side) => (deltaPx: number) => void;
  nudge: (side: Side, deltaPx: number) => void;
  reset: () => void;
  commit: () => void;
}

const STEP_PX = 16;
const BIG_STEP_PX = 96;

/**
 * A draggable, focusable divider between two columns (WAI-ARIA window splitter): drag with a
 * pointer; ←/→ move it (Shift: further), Home/End to the limits, Enter or a double click resets.
 */
export function ColumnDivider({ side, label, controls, widths, beginDrag, nudge, reset, commit }: ColumnDividerProps) {
  const drag = useRef<{ pointerId: number; startX: number; move: (delta: number) => void } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, startX: event.clientX, move: beginDrag(side) };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (current?.pointerId === event.pointerId) current.move(event.clientX - current.startX);
  };
  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    commit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP_PX : STEP_PX;
    const moves: Record<string, number> = { ArrowLeft: -step, ArrowRight: step, Home: -10_000, End: 10_000 };
    const move = moves[event.key];
    if (move !== undefined) nudge(side, move);
    else if (event.key === 'Enter') reset();
    else return;
    // Handled here: the workspace shortcuts leave it alone.
    event.preventDefault();
  };

  return (
    <div
      className="column-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={dividerPercent(widths, side)}
      tabIndex={0}
      title={`${label} (drag, or focus and use ←/→; double-click resets)`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onDoubleClick={reset}
      onKeyDown={onKeyDown}
    />
  );
}

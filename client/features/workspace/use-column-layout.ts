import { useCallback, useEffect, useState, type RefObject } from 'react';
import { columnWidths, DEFAULT_LAYOUT, parseLayout, resizeColumn, type ColumnLayout, type ColumnWidths, type Side } from './column-layout';

const STORAGE_KEY = 'redline:columns:v1';

function readStored(): ColumnLayout {
  try {
    return parseLayout(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_LAYOUT;
  }
}

function store(layout: ColumnLayout): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Storage blocked or full: the layout just is not remembered.
  }
}

export interface ColumnLayoutControls {
  widths: ColumnWidths;
  /** Starts a drag of one divider; the returned function takes the distance from the start. */
  beginDrag: (side: Side) => (deltaPx: number) => void;
  /** Moves a divider by a step (keyboard) and remembers the result. */
  nudge: (side: Side, deltaPx: number) => void;
  reset: () => void;
  /** Remembers the current layout (after a drag). */
  commit: () => void;
}

/**
 * The column layout of the workspace, remembered in localStorage as fractions of the width and
 * clamped to the container's measured width (column-layout.ts decides).
 */
export function useColumnLayout(container: RefObject<HTMLElement | null>): ColumnLayoutControls {
  const [layout, setLayout] = useState<ColumnLayout>(readStored);
  const [total, setTotal] = useState(() => (typeof window === 'undefined' ? 1366 : window.innerWidth));

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => setTotal(element.clientWidth || window.innerWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [container]);

  const beginDrag = useCallback(
    (side: Side) => {
      const start = layout;
      return (deltaPx: number) => setLayout(resizeColumn(start, side, deltaPx, total));
    },
    [layout, total],
  );
  const nudge = useCallback(
    (side: Side, deltaPx: number) => {
      const next = resizeColumn(layout, side, deltaPx, total);
      setLayout(next);
      store(next);
    },
    [layout, total],
  );
  const reset = useCallback(() => {
    setLayout(DEFAULT_LAYOUT);
    store(DEFAULT_LAYOUT);
  }, []);
  const commit = useCallback(() => store(layout), [layout]);

  return { widths: columnWidths(layout, total), beginDrag, nudge, reset, commit };
}

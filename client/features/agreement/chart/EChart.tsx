import { useEffect, useRef } from 'react';
import { ChartBinding } from './chart-binding';
import type { ChartClick, ChartOption } from './chart-option';
import { initCanvasChart } from './echarts-setup';

/**
 * An echarts chart as a React component: init on mount, setOption when `option` changes, resize
 * with its box, dispose on unmount, `onClick` per item. The canvas is hidden from assistive
 * technology: `label` summarises it, and every chart sits next to a table with the numbers.
 */
export function EChart({ option, onClick, label, height = 260 }: {
  option: ChartOption;
  onClick?: (click: ChartClick) => void;
  label: string;
  height?: number;
}) {
  const element = useRef<HTMLDivElement>(null);
  const binding = useRef<ChartBinding | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const bound = new ChartBinding(element.current, initCanvasChart);
    binding.current = bound;
    return () => {
      bound.dispose();
      binding.current = null;
    };
  }, []);

  useEffect(() => binding.current?.update(option), [option]);
  useEffect(() => binding.current?.setClickHandler(onClick ?? null), [onClick]);

  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} />;
}

import type { ChartClick, ChartOption } from './chart-option';

/**
 * One echarts instance bound to one element, without React: created on construction, fed
 * options, resized with its element, clicked, disposed. EChart.tsx is the React host; tests
 * drive this class with a real echarts instance.
 */

/** The part of an echarts instance the binding uses. */
export interface ChartInstance {
  setOption(option: ChartOption, opts: { notMerge: boolean }): void;
  resize(): void;
  dispose(): void;
  isDisposed(): boolean;
  on(event: 'click', handler: (params: unknown) => void): unknown;
}

/** Calls `onResize` whenever `element` changes size; returns the unsubscribe. */
export type ObserveResize = (element: HTMLElement, onResize: () => void) => () => void;

export const observeWithResizeObserver: ObserveResize = (element, onResize) => {
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(() => onResize());
  observer.observe(element);
  return () => observer.disconnect();
};

function toClick(params: unknown): ChartClick | null {
  if (typeof params !== 'object' || params === null) return null;
  const p = params as Partial<ChartClick>;
  if (typeof p.dataIndex !== 'number') return null;
  return { seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex, seriesName: p.seriesName ?? '', name: p.name ?? '', value: p.value };
}

export class ChartBinding {
  private readonly chart: ChartInstance;
  private readonly stopObserving: () => void;
  private clickHandler: ((click: ChartClick) => void) | null = null;

  constructor(element: HTMLElement, init: (element: HTMLElement) => ChartInstance, observe: ObserveResize = observeWithResizeObserver) {
    this.chart = init(element);
    // One echarts listener for the binding's life; the handler it calls can change.
    this.chart.on('click', (params) => {
      const click = toClick(params);
      if (click && this.clickHandler) this.clickHandler(click);
    });
    this.stopObserving = observe(element, () => {
      if (!this.chart.isDisposed()) this.chart.resize();
    });
  }

  /** Replaces the whole option (notMerge): series removed from the data disappear from the chart. */
  update(option: ChartOption): void {
    if (!this.chart.isDisposed()) this.chart.setOption(option, { notMerge: true });
  }

  setClickHandler(handler: ((click: ChartClick) => void) | null): void {
    this.clickHandler = handler;
  }

  dispose(): void {
    this.stopObserving();
    this.clickHandler = null;
    if (!this.chart.isDisposed()) this.chart.dispose();
  }
}

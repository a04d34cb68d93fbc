// @vitest-environment jsdom
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { describe, expect, it } from 'vitest';
import { ChartBinding, type ObserveResize } from './chart-binding';
import type { ChartClick, ChartOption } from './chart-option';

// A real echarts instance on a jsdom element. jsdom has no canvas, so the test draws with the
// SVG renderer at a fixed size; the binding does not care which renderer draws.
echarts.use([BarChart, GridComponent, SVGRenderer]);
// jsdom cannot measure text either (no canvas); a fixed-width estimate is enough for layout.
echarts.setPlatformAPI({ measureText: (text = '') => ({ width: text.length * 7 }) });

const bars = (values: number[]): ChartOption => ({
  animation: false,
  xAxis: { type: 'category', data: values.map((_, i) => `c${i}`) },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', name: 'count', data: values }],
});

function setUp() {
  const element = document.createElement('div');
  document.body.append(element);
  let chart: echarts.EChartsType | null = null;
  let resizeListener: (() => void) | null = null;
  let observing = false;
  const observe: ObserveResize = (_el, onResize) => {
    resizeListener = onResize;
    observing = true;
    return () => {
      observing = false;
    };
  };
  const binding = new ChartBinding(element, (el) => (chart = echarts.init(el, null, { renderer: 'svg', width: 400, height: 200 })), observe);
  return { element, binding, chart: () => chart!, resize: () => resizeListener?.(), observing: () => observing };
}

/** Clicks the drawn bar of `dataIndex` as a pointer would reach echarts: a zrender click on that element. */
function clickBar(chart: echarts.EChartsType, dataIndex: number) {
  // getModel is internal to echarts; the test reaches for the drawn element the way echarts itself does.
  const model = (chart as unknown as { getModel(): { getSeriesByIndex(i: number): { getData(): { getItemGraphicEl(i: number): unknown } } } }).getModel();
  const target = model.getSeriesByIndex(0).getData().getItemGraphicEl(dataIndex);
  if (!target) throw new Error(`no drawn element for data index ${dataIndex}`);
  const event = { type: 'click', target, topTarget: target, offsetX: 0, offsetY: 0, cancelBubble: false, stop: () => {} };
  chart.getZr().handler.dispatchToElement({ target, topTarget: target, x: 0, y: 0 } as never, 'click', event as never);
}

describe('ChartBinding', () => {
  it('draws the option it is given and replaces it as a whole on update', () => {
    const { binding, chart, element } = setUp();
    binding.update(bars([3, 1, 2]));
    expect(element.querySelectorAll('path').length).toBeGreaterThan(0);
    const series = () => (chart().getOption() as { series: Array<{ name: string; data: number[] }> }).series;
    expect(series().map((s) => s.data)).toEqual([[3, 1, 2]]);
    binding.update({ ...bars([5]), series: [{ type: 'bar', name: 'other', data: [5] }] });
    expect(series().map((s) => s.name)).toEqual(['other']);
    binding.dispose();
  });

  it('resizes the chart when its element is resized, and stops watching once disposed', () => {
    const { binding, chart, resize, observing } = setUp();
    binding.update(bars([1]));
    let resized = 0;
    const original = chart().resize.bind(chart());
    chart().resize = (...args) => {
      resized += 1;
      original(...args);
    };
    resize();
    expect(resized).toBe(1);
    binding.dispose();
    expect(observing()).toBe(false);
    expect(chart().isDisposed()).toBe(true);
    resize();
    expect(resized).toBe(1);
  });

  it('passes clicks on items to the current handler only', () => {
    const { binding, chart } = setUp();
    binding.update(bars([3, 1, 2]));
    const seen: ChartClick[] = [];
    clickBar(chart(), 1);
    expect(seen).toEqual([]);
    binding.setClickHandler((click) => seen.push(click));
    clickBar(chart(), 2);
    expect(seen).toEqual([{ seriesIndex: 0, dataIndex: 2, seriesName: 'count', name: 'c2', value: 2 }]);
    binding.setClickHandler(null);
    clickBar(chart(), 0);
    expect(seen).toHaveLength(1);
    binding.dispose();
  });

  it('survives updates after dispose (a late answer for an unmounted chart)', () => {
    const { binding, chart } = setUp();
    binding.dispose();
    expect(() => binding.update(bars([1]))).not.toThrow();
    expect(chart().isDisposed()).toBe(true);
  });
});

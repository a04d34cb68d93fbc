import { BarChart, BoxplotChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * The parts of echarts the dashboard uses, registered once. Importing only these (not the
 * `echarts` bundle) keeps the lazily loaded dashboard chunk small; the annotate page never
 * imports this module (AgreementPage loads the dashboard with React.lazy).
 */
echarts.use([BarChart, BoxplotChart, HeatmapChart, LineChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** A chart on `element`, drawn on a canvas at the element's size. */
export function initCanvasChart(element: HTMLElement): echarts.EChartsType {
  return echarts.init(element, null, { renderer: 'canvas' });
}

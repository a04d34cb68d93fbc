import type { BarSeriesOption, BoxplotSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option type of every dashboard chart: only the series and components echarts-setup.ts registers. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | BoxplotSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What a click on a chart item tells the page (a subset of echarts' event params). */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  seriesName: string;
  name: string;
  value: unknown;
}

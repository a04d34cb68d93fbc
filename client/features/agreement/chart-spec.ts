import type { DrillTarget } from './agreement-query';
import type { ChartClick, ChartOption } from './chart/chart-option';

/**
 * A dashboard chart as data: the echarts option, a one-sentence summary for screen readers, and
 * which drill-down each drawn item opens (`targets[seriesIndex][dataIndex]`, null = nothing).
 */
export interface ChartSpec {
  option: ChartOption;
  label: string;
  targets: Array<Array<DrillTarget | null>>;
}

export function targetOf(spec: ChartSpec, click: ChartClick): DrillTarget | null {
  return spec.targets[click.seriesIndex]?.[click.dataIndex] ?? null;
}

/** The dashboard's colours (styles.css: --ok, --accent, --focus). */
export const COLORS = {
  correct: '#1f7a3f',
  incorrect: '#b3261e',
  blue: '#1a5fd0',
  amber: '#c98a00',
  grey: '#8a93a3',
  faint: '#eef1f6',
};

export const TEXT_STYLE = { fontFamily: 'system-ui, sans-serif', fontSize: 12, color: '#1d2430' };

/** An echarts value for a possibly undefined number: '-' is "no value" (nothing drawn). */
export function orGap(value: number | null): number | '-' {
  return value === null || !Number.isFinite(value) ? '-' : value;
}

/** A ratio 0..1 as a percent rounded to one decimal, for axes in %. */
export function percentOrGap(value: number | null): number | '-' {
  return value === null || !Number.isFinite(value) ? '-' : Math.round(value * 1000) / 10;
}

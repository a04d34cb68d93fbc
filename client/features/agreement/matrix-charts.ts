import type { AgreementReport } from '../../../shared/schemas/agreement';
import type { DrillTarget, HumanOrOrm } from './agreement-query';
import { COLORS, TEXT_STYLE, type ChartSpec } from './chart-spec';
import { formatCoefficient } from './stat-format';

/** The two heat maps: ORM vs humans (rows human, columns ORM) and Cohen's kappa between annotators. Pure. */

const VERDICTS: HumanOrOrm[] = ['correct', 'incorrect'];

export function confusionChart(orm: AgreementReport['ormVsHuman']): ChartSpec {
  const data: Array<[number, number, number]> = [];
  const targets: DrillTarget[] = [];
  const said: string[] = [];
  VERDICTS.forEach((human, y) => {
    VERDICTS.forEach((ormVerdict, x) => {
      const count = orm.confusion[human][ormVerdict];
      data.push([x, y, count]);
      targets.push({ cell: 'confusion', human, orm: ormVerdict });
      said.push(`human ${human} and ORM ${ormVerdict}: ${count}`);
    });
  });
  const max = Math.max(1, ...data.map((d) => d[2]));
  return {
    label: `Confusion matrix of ${orm.items} solutions, rows human, columns ORM; ${said.join('; ')}.`,
    targets: [targets],
    option: {
      animation: false,
      textStyle: TEXT_STYLE,
      grid: { left: 110, right: 16, top: 28, bottom: 16 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', position: 'top', data: ['ORM correct', 'ORM incorrect'], splitArea: { show: true } },
      yAxis: { type: 'category', inverse: true, data: ['Human correct', 'Human incorrect'], splitArea: { show: true } },
      visualMap: { show: false, min: 0, max, inRange: { color: [COLORS.faint, COLORS.blue] } },
      series: [{
        type: 'heatmap',
        name: 'Solutions',
        data,
        label: { show: true, fontSize: 16, fontWeight: 'bold' },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: COLORS.incorrect } },
        cursor: 'pointer',
      }],
    },
  };
}

export function kappaChart(matrix: AgreementReport['kappaMatrix']): ChartSpec {
  const names = matrix.annotators;
  // Defined kappas are coloured by value; undefined ones (null) go to a grey series labelled "—",
  // so "no kappa for these data" never looks like a kappa of 0.
  const defined: Array<[number, number, number]> = [];
  const undefinedCells: Array<{ value: [number, number, number]; label: { formatter: string } }> = [];
  const definedTargets: DrillTarget[] = [];
  const undefinedTargets: DrillTarget[] = [];
  const said: string[] = [];
  names.forEach((a, i) => {
    names.forEach((b, j) => {
      if (i === j) return;
      const value = matrix.cells[i]?.[j]?.value ?? null;
      if (value === null) {
        undefinedCells.push({ value: [j, i, 0], label: { formatter: '—' } });
        undefinedTargets.push({ cell: 'pair', a, b });
      } else {
        defined.push([j, i, value]);
        definedTargets.push({ cell: 'pair', a, b });
      }
      if (i < j) said.push(`${a} and ${b}: ${formatCoefficient(value)}`);
    });
  });
  const axisLabel = { interval: 0, width: 90, overflow: 'truncate' as const };
  return {
    label: names.length < 2
      ? 'Cohen’s kappa between annotators: fewer than two annotators.'
      : `Cohen’s kappa between annotators (— is undefined for these data); ${said.join('; ')}.`,
    targets: [definedTargets, undefinedTargets],
    option: {
      animation: false,
      textStyle: TEXT_STYLE,
      grid: { left: 100, right: 16, top: 28, bottom: 16 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', position: 'top', data: names, splitArea: { show: true }, axisLabel },
      yAxis: { type: 'category', inverse: true, data: names, splitArea: { show: true }, axisLabel },
      visualMap: { show: false, seriesIndex: 0, min: -1, max: 1, inRange: { color: [COLORS.incorrect, COLORS.faint, COLORS.correct] } },
      series: [
        {
          type: 'heatmap',
          name: "Cohen's kappa",
          data: defined,
          label: { show: true, formatter: (p: { value?: unknown }) => formatCoefficient((p.value as [number, number, number])[2]) },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          cursor: 'pointer',
        },
        {
          type: 'heatmap',
          name: 'Undefined for these data',
          data: undefinedCells,
          label: { show: true, color: COLORS.grey },
          itemStyle: { color: '#f7f8fa', borderColor: '#fff', borderWidth: 2 },
          cursor: 'pointer',
        },
      ],
    },
  };
}

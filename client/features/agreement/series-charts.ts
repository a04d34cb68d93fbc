import { TRANSITION_NAMES, type AgreementReport } from '../../../shared/schemas/agreement';
import { transitionWords, type DrillTarget } from './agreement-query';
import { COLORS, TEXT_STYLE, percentOrGap, type ChartSpec } from './chart-spec';
import { formatPercent } from './stat-format';

/** The bar, line and box charts of the dashboard. Pure: report → option, summary, drill targets. */

const base = { animation: false, textStyle: TEXT_STYLE, tooltip: { trigger: 'item' as const } };
const grid = { left: 48, right: 16, top: 36, bottom: 28, containLabel: true };
/** Every category label shown (echarts hides some when crowded), tilted when there are many. */
const categories = (names: string[]) => ({
  type: 'category' as const,
  data: names,
  axisLabel: { interval: 0, rotate: names.length > 4 ? 20 : 0, width: 110, overflow: 'truncate' as const },
});
const percentAxis = { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } };

/** ORM accuracy and ProcessBench F1 per round; a bar opens that round's false accepts (human incorrect, ORM correct). */
export function ormByRoundChart(orm: AgreementReport['ormVsHuman']): ChartSpec {
  const rounds = orm.byRound;
  const falseAccepts: DrillTarget[] = rounds.map((r) => ({ cell: 'confusion', human: 'incorrect', orm: 'correct', round: r.round }));
  return {
    label: rounds.length === 0
      ? 'ORM accuracy and ProcessBench F1 by round: no round has compared solutions.'
      : `ORM accuracy and ProcessBench F1 by round; ${rounds
        .map((r) => `round ${r.round}: accuracy ${formatPercent(r.accuracy)}, F1 ${formatPercent(r.processBenchF1)} (n = ${r.items})`)
        .join('; ')}.`,
    targets: [falseAccepts, falseAccepts],
    option: {
      ...base,
      grid,
      legend: { top: 0 },
      xAxis: categories(rounds.map((r) => `Round ${r.round}`)),
      yAxis: percentAxis,
      series: [
        { type: 'bar', name: 'ORM accuracy', data: rounds.map((r) => percentOrGap(r.accuracy)), itemStyle: { color: COLORS.blue }, cursor: 'pointer' },
        { type: 'bar', name: 'ProcessBench F1', data: rounds.map((r) => percentOrGap(r.processBenchF1)), itemStyle: { color: COLORS.amber }, cursor: 'pointer' },
      ],
    },
  };
}

/** Per error type: solutions humans finally called incorrect with it, and how many of those the ORM also called incorrect. */
export function errorTypesChart(errorTypes: AgreementReport['errorTypes']): ChartSpec {
  const targets: DrillTarget[] = errorTypes.map((e) => ({ cell: 'errorType', errorType: e.errorType }));
  return {
    label: errorTypes.length === 0
      ? 'Error types: no solution is finally judged incorrect with an error type.'
      : `Error types of solutions judged incorrect; ${errorTypes
        .map((e) => `${e.errorType}: ${e.human}, of which the ORM called ${e.ormIncorrect} of ${e.ormJudged} incorrect`)
        .join('; ')}.`,
    targets: [targets, targets],
    option: {
      ...base,
      grid,
      legend: { top: 0 },
      xAxis: categories(errorTypes.map((e) => e.errorType)),
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: 'Humans: incorrect with this type', data: errorTypes.map((e) => e.human), itemStyle: { color: COLORS.incorrect }, cursor: 'pointer' },
        { type: 'bar', name: 'ORM also said incorrect', data: errorTypes.map((e) => e.ormIncorrect), itemStyle: { color: COLORS.grey }, cursor: 'pointer' },
      ],
    },
  };
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

/**
 * Time per item per annotator as boxes from the first to the third quartile with the median.
 * The report gives quartiles only, so the whiskers stop at the box (no min/max is invented).
 */
export function timePerItemChart(times: AgreementReport['timePerItem']): ChartSpec {
  const targets: DrillTarget[] = times.map((t) => ({ cell: 'annotator', name: t.name }));
  const data = times.map((t) => {
    const [q1, median, q3] = [seconds(t.q1Ms), seconds(t.medianMs), seconds(t.q3Ms)];
    const box: Array<number | '-'> = q1 === null || median === null || q3 === null ? ['-', '-', '-', '-', '-'] : [q1, q1, median, q3, q3];
    return box;
  });
  return {
    label: times.length === 0
      ? 'Time per item: no annotator has submitted.'
      : `Seconds per item by annotator (first quartile, median, third quartile); ${times
        .map((t) => `${t.name}: ${t.medianMs === null ? '—' : `${seconds(t.q1Ms)}, ${seconds(t.medianMs)}, ${seconds(t.q3Ms)}`} over ${t.items} items`)
        .join('; ')}.`,
    targets: [targets],
    option: {
      ...base,
      grid,
      xAxis: categories(times.map((t) => t.name)),
      yAxis: { type: 'value', name: 'seconds', min: 0 },
      series: [{ type: 'boxplot', name: 'Seconds per item', data, itemStyle: { color: '#dbe6fb', borderColor: COLORS.blue }, cursor: 'pointer' }],
    },
  };
}

const TRANSITION_COLORS = [COLORS.correct, COLORS.amber, COLORS.blue, COLORS.incorrect];

/** MathSE Fig. 2 style: problems per pair of rounds, stacked by how their final verdict moved. */
export function transitionsChart(transitions: AgreementReport['roundTransitions']): ChartSpec {
  const targets = TRANSITION_NAMES.map((name) =>
    transitions.map((t): DrillTarget => ({ cell: 'transition', from: t.from, to: t.to, transition: name })));
  return {
    label: transitions.length === 0
      ? 'Round transitions: no problem has judged solutions in two rounds.'
      : `Problems by how their verdict moved between rounds; ${transitions
        .map((t) => `round ${t.from} to ${t.to}: ${TRANSITION_NAMES.map((n) => `${transitionWords(n)} ${t[n]}`).join(', ')}`)
        .join('; ')}.`,
    targets,
    option: {
      ...base,
      // The four legend entries take two lines.
      grid: { ...grid, top: 56 },
      legend: { top: 0 },
      xAxis: categories(transitions.map((t) => `Round ${t.from} → ${t.to}`)),
      yAxis: { type: 'value', minInterval: 1 },
      series: TRANSITION_NAMES.map((name, i) => ({
        type: 'bar' as const,
        name: transitionWords(name),
        stack: 'problems',
        data: transitions.map((t) => t[name]),
        itemStyle: { color: TRANSITION_COLORS[i] },
        cursor: 'pointer',
      })),
    },
  };
}

/** Accuracy on quality-control items (gold adjudications flagged qc) per annotator. */
export function qcChart(qc: AgreementReport['qc']): ChartSpec {
  const targets: DrillTarget[] = qc.map((q) => ({ cell: 'qc', name: q.name }));
  return {
    label: qc.length === 0
      ? 'QC accuracy: no annotator has answered a QC item.'
      : `QC accuracy per annotator; ${qc.map((q) => `${q.name}: ${formatPercent(q.accuracy)} (${q.correct} of ${q.items})`).join('; ')}.`,
    targets: [targets],
    option: {
      ...base,
      grid,
      xAxis: categories(qc.map((q) => q.name)),
      yAxis: percentAxis,
      series: [{ type: 'bar', name: 'QC accuracy', data: qc.map((q) => percentOrGap(q.accuracy)), itemStyle: { color: COLORS.correct }, cursor: 'pointer' }],
    },
  };
}

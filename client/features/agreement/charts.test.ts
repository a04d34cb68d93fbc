import { describe, expect, it } from 'vitest';
import { targetOf, type ChartSpec } from './chart-spec';
import { confusionChart, kappaChart } from './matrix-charts';
import { errorTypesChart, ormByRoundChart, qcChart, timePerItemChart, transitionsChart } from './series-charts';
import { emptyReport, sampleReport } from './test-report';

type Series = { type: string; name: string; data: unknown[] };
const series = (spec: ChartSpec) => spec.option.series as Series[];
const click = (seriesIndex: number, dataIndex: number) => ({ seriesIndex, dataIndex, seriesName: '', name: '', value: null });

/** Every drawn item has a drill target (or an explicit null), so no click lands on nothing by accident. */
function expectTargetsCoverData(spec: ChartSpec) {
  expect(spec.targets).toHaveLength(series(spec).length);
  series(spec).forEach((s, i) => expect(spec.targets[i]).toHaveLength(s.data.length));
}

describe('confusion heat map', () => {
  it('puts humans in rows and the ORM in columns, each cell opening its solutions', () => {
    const spec = confusionChart(sampleReport().ormVsHuman);
    expect(spec.option.yAxis).toMatchObject({ data: ['Human correct', 'Human incorrect'] });
    expect(spec.option.xAxis).toMatchObject({ data: ['ORM correct', 'ORM incorrect'] });
    // [x = ORM, y = human, count]; the sample: human incorrect & ORM correct = 2.
    expect(series(spec)[0]!.data).toEqual([[0, 0, 4], [1, 0, 1], [0, 1, 2], [1, 1, 3]]);
    expect(targetOf(spec, click(0, 2))).toEqual({ cell: 'confusion', human: 'incorrect', orm: 'correct' });
    expect(spec.label).toContain('human incorrect and ORM correct: 2');
    expectTargetsCoverData(spec);
  });
});

describe('kappa heat map', () => {
  it('draws every ordered pair but the diagonal, undefined kappas grey and labelled —, never coloured as 0', () => {
    const spec = kappaChart(sampleReport().kappaMatrix);
    const [defined, undefinedCells] = series(spec);
    expect(defined!.data).toEqual([[1, 0, 0.6], [0, 1, 0.6], [2, 1, -0.2], [1, 2, -0.2]]);
    expect(undefinedCells!.data).toEqual([{ value: [2, 0, 0], label: { formatter: '—' } }, { value: [0, 2, 0], label: { formatter: '—' } }]);
    expect(spec.option.visualMap).toMatchObject({ seriesIndex: 0 });
    expect(targetOf(spec, click(0, 2))).toEqual({ cell: 'pair', a: 'ann2', b: 'ann3' });
    expect(targetOf(spec, click(1, 0))).toEqual({ cell: 'pair', a: 'ann1', b: 'ann3' });
    expect(spec.label).toContain('ann2 and ann3: −0.20');
    expect(spec.label).toContain('ann1 and ann3: —');
    expectTargetsCoverData(spec);
  });

  it('says so when there are not two annotators to compare', () => {
    expect(kappaChart(emptyReport().kappaMatrix).label).toMatch(/fewer than two annotators/);
  });
});

describe('series charts', () => {
  it('plots ORM accuracy and ProcessBench F1 per round in percent, gaps for undefined values', () => {
    const spec = ormByRoundChart(sampleReport().ormVsHuman);
    expect(series(spec).map((s) => s.data)).toEqual([[70, 90], [55, '-']]);
    expect(targetOf(spec, click(1, 1))).toEqual({ cell: 'confusion', human: 'incorrect', orm: 'correct', round: 1 });
    expect(spec.label).toContain('round 1: accuracy 90%, F1 — (n = 10)');
    expectTargetsCoverData(spec);
  });

  it('counts error types for humans and the ORM', () => {
    const spec = errorTypesChart(sampleReport().errorTypes);
    expect(series(spec).map((s) => s.data)).toEqual([[4, 2], [3, 0]]);
    expect(targetOf(spec, click(0, 1))).toEqual({ cell: 'errorType', errorType: 'vision_recognition' });
    expectTargetsCoverData(spec);
  });

  it('draws time boxes from quartiles in seconds without inventing whiskers', () => {
    const spec = timePerItemChart(sampleReport().timePerItem);
    expect(series(spec)[0]!.data).toEqual([[40, 40, 60, 80, 80], ['-', '-', '-', '-', '-']]);
    expect(targetOf(spec, click(0, 1))).toEqual({ cell: 'annotator', name: 'ann3' });
    expectTargetsCoverData(spec);
  });

  it('stacks round transitions, one series per kind of move', () => {
    const spec = transitionsChart(sampleReport().roundTransitions);
    expect(series(spec).map((s) => [s.name, s.data])).toEqual([
      ['correct → correct', [2]], ['correct → incorrect', [1]], ['incorrect → correct', [3]], ['incorrect → incorrect', [0]],
    ]);
    expect(targetOf(spec, click(2, 0))).toEqual({ cell: 'transition', from: 0, to: 1, transition: 'incorrectToCorrect' });
    expectTargetsCoverData(spec);
  });

  it('plots QC accuracy per annotator', () => {
    const spec = qcChart(sampleReport().qc);
    expect(series(spec)[0]!.data).toEqual([100, 50]);
    expect(spec.label).toContain('ann3: 50% (1 of 2)');
    expect(targetOf(spec, click(0, 0))).toEqual({ cell: 'qc', name: 'ann1' });
  });

  it('summarises empty data in words instead of an empty sentence', () => {
    const empty = emptyReport();
    for (const spec of [ormByRoundChart(empty.ormVsHuman), errorTypesChart(empty.errorTypes), timePerItemChart(empty.timePerItem),
      transitionsChart(empty.roundTransitions), qcChart(empty.qc)]) {
      expect(spec.label).toMatch(/: no /);
      expect(targetOf(spec, click(0, 0))).toBeNull();
    }
  });
});

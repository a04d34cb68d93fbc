import { AgreementReportSchema, type AgreementReport, type AgreementStat } from '../../../shared/schemas/agreement';

/** Reports for the dashboard's unit tests: parsed by the shared schema, so they stay honest to it. */

export const stat = (value: number | null, n: number, ci95: [number, number] | null = null): AgreementStat => ({ value, ci95, n });

const comparison = (tp: number) => ({
  items: 10,
  confusion: { correct: { correct: 4, incorrect: 1 }, incorrect: { correct: 2, incorrect: tp } },
  accuracy: 0.7,
  precisionWrong: 0.75,
  recallWrong: 0.6,
  f1Wrong: 0.667,
  firstErrorStepMatch: 0.5,
  processBenchF1: 0.55,
});

/** A project with two rounds, three annotators and some QC items. */
export function sampleReport(): AgreementReport {
  return AgreementReportSchema.parse({
    project: 'demo',
    verdict: {
      items: 12,
      percentAgreement: stat(0.8333, 12, [0.6, 1]),
      fleissKappa: { ...stat(0.62, 12, [0.3, 0.9]), raters: 2 },
      krippendorffAlpha: stat(0.71, 12, [0.4, 0.9]),
      cohenKappa: [{ a: 'ann1', b: 'ann2', ...stat(0.6, 10) }],
    },
    firstErrorStep: { items: 5, exact: 0.6, withinOne: 0.8, alphaNominal: stat(0.5, 5), alphaInterval: stat(0.7, 5) },
    stepRatings: { alpha: stat(null, 0) },
    errorType: { alpha: stat(0.45, 5, [0.1, 0.8]) },
    ormVsHuman: {
      ...comparison(3),
      reference: 'consensus',
      ormModel: null,
      byRound: [{ round: 0, ...comparison(3) }, { round: 1, ...comparison(1), accuracy: 0.9, processBenchF1: null }],
    },
    annotators: [
      { name: 'ann1', items: 10, medianTimeMs: 60_000, agreementWithGold: stat(null, 0), agreementWithConsensus: stat(0.8, 10), qcAccuracy: 1 },
      { name: 'ann2', items: 9, medianTimeMs: 90_000, agreementWithGold: stat(null, 0), agreementWithConsensus: stat(0.7, 9), qcAccuracy: null },
      { name: 'ann3', items: 3, medianTimeMs: null, agreementWithGold: stat(null, 0), agreementWithConsensus: stat(null, 0), qcAccuracy: 0.5 },
    ],
    roundTransitions: [
      { from: 0, to: 1, problems: 6, correctToCorrect: 2, correctToIncorrect: 1, incorrectToCorrect: 3, incorrectToIncorrect: 0 },
    ],
    kappaMatrix: {
      annotators: ['ann1', 'ann2', 'ann3'],
      cells: [
        [null, stat(0.6, 10), stat(null, 1)],
        [stat(0.6, 10), null, stat(-0.2, 3)],
        [stat(null, 1), stat(-0.2, 3), null],
      ],
    },
    errorTypes: [
      { errorType: 'calculation', human: 4, ormJudged: 4, ormIncorrect: 3 },
      { errorType: 'vision_recognition', human: 2, ormJudged: 2, ormIncorrect: 0 },
    ],
    timePerItem: [
      { name: 'ann1', items: 10, medianMs: 60_000, q1Ms: 40_000, q3Ms: 80_000 },
      { name: 'ann3', items: 0, medianMs: null, q1Ms: null, q3Ms: null },
    ],
    qc: [
      { name: 'ann1', items: 2, correct: 2, accuracy: 1 },
      { name: 'ann3', items: 2, correct: 1, accuracy: 0.5 },
    ],
    filters: { round: null, subject: null, annotator: null, bootstrap: true, seed: 0, samples: 1000 },
    generatedAt: '2026-11-29T16:00:00.000Z',
  });
}

/** The report of a project where nobody has submitted anything. */
export function emptyReport(): AgreementReport {
  const none = stat(null, 0);
  const nothing = {
    items: 0,
    confusion: { correct: { correct: 0, incorrect: 0 }, incorrect: { correct: 0, incorrect: 0 } },
    accuracy: null, precisionWrong: null, recallWrong: null, f1Wrong: null, firstErrorStepMatch: null, processBenchF1: null,
  };
  return AgreementReportSchema.parse({
    project: 'empty',
    verdict: { items: 0, percentAgreement: none, fleissKappa: { ...none, raters: null }, krippendorffAlpha: none, cohenKappa: [] },
    firstErrorStep: { items: 0, exact: null, withinOne: null, alphaNominal: none, alphaInterval: none },
    stepRatings: { alpha: none },
    errorType: { alpha: none },
    ormVsHuman: { ...nothing, reference: 'consensus', ormModel: null, byRound: [] },
    annotators: [],
    roundTransitions: [],
    kappaMatrix: { annotators: [], cells: [] },
    errorTypes: [],
    timePerItem: [],
    qc: [],
    filters: { round: null, subject: null, annotator: null, bootstrap: false, seed: 0, samples: 0 },
    generatedAt: '2026-11-29T16:00:00.000Z',
  });
}

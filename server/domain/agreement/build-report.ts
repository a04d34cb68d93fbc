import type { AgreementFilters, AgreementReport, AgreementStat } from '../../../shared/schemas/agreement';
import { finalHumanJudgments, type FinalHuman } from './final-human';
import { firstErrorShares } from './first-error-agreement';
import { compareOrmWithHumans, type OrmComparisonItem } from './orm-vs-human';
import { quartiles } from './quantiles';
import { VERDICT_NAMES, type AgreementData } from './report-data';
import { reportUnits } from './report-units';
import { roundTransitions } from './round-transitions';
import { bootstrapTypedStats } from './typed-bootstrap';
import { typedClusteredAlpha } from './clustered-alpha';
import {
  mostCommonRatingCount,
  typedCohenKappa,
  typedFleissKappa,
  typedKrippendorffAlpha,
  typedMatchShare,
  typedPercentAgreement,
  type TypedStat,
} from './typed-stats';

export interface ReportOptions {
  project: string;
  /** Consensus needs this many submitted annotations (the project's overlap). */
  minAnnotators: number;
  filters: AgreementFilters;
  /** The ORM model compared; null = the latest judgment per solution. */
  ormModel: string | null;
  generatedAt: Date;
}

/**
 * The agreement report of SPEC §6 from loaded data (pure). Every kappa and alpha, and each
 * annotator's agreement with gold and with consensus, carries a 95% bootstrap interval over
 * solutions when `filters.bootstrap` (one shared stream of `filters.samples` resamples seeded by
 * `filters.seed`, typed-bootstrap.ts). With `filters.annotator`, the data hold only the
 * solutions that annotator rated, and Cohen pairs (list and matrix) are those involving them.
 */
export function buildAgreementReport(data: AgreementData, options: ReportOptions): AgreementReport {
  const { filters } = options;
  const units = reportUnits(data);
  const final = finalHumanJudgments(data, options.minAnnotators);
  const R = data.raters.length;
  const focus = filters.annotator === null ? null : data.raters.indexOf(filters.annotator);
  const goldVerdict = Float64Array.from(data.gold.verdict, (v, s) => (v >= 0 && data.gold.badProblem[s] === 0 ? v : NaN));
  const column = (matrix: typeof units.verdict, r: number) => {
    const out = new Float64Array(matrix.units);
    for (let s = 0; s < matrix.units; s++) out[s] = matrix.values[s * matrix.raters + r] as number;
    return out;
  };

  const fleissRaters = mostCommonRatingCount(units.verdict);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < R; i++) {
    for (let j = i + 1; j < R; j++) if (focus === null || i === focus || j === focus) pairs.push([i, j]);
  }
  const firstError = firstErrorShares(units.firstErrorStep);

  // Order matters only for speed: small-typed statistics first share one bootstrap group.
  const stats: TypedStat[] = [
    typedPercentAgreement(units.verdict),
    typedFleissKappa(units.verdict, fleissRaters),
    typedKrippendorffAlpha(units.verdict, 'nominal'),
    ...pairs.map(([i, j]) => typedCohenKappa(units.verdict, i, j)),
    ...data.raters.map((_, r) => typedMatchShare(column(units.verdict, r), goldVerdict)),
    ...data.raters.map((_, r) => typedMatchShare(column(units.verdict, r), column(units.othersConsensus, r))),
    typedKrippendorffAlpha(units.errorType, 'nominal'),
    typedKrippendorffAlpha(units.firstErrorStep, 'nominal'),
    typedKrippendorffAlpha(units.firstErrorStep, 'interval'),
    typedClusteredAlpha(units.stepRatings, units.stepSolution, data.solutions.count, 'interval'),
  ];
  const computed = bootstrapTypedStats(data.solutions.count, stats, {
    seed: filters.seed,
    samples: filters.bootstrap ? filters.samples : 0,
  });
  let next = 0;
  const take = (): AgreementStat => {
    const { value, n, ci95 } = computed[next++] as AgreementStat;
    return { value, ci95, n };
  };
  const percentAgreement = take();
  const fleissStat = { ...take(), raters: fleissRaters };
  const alphaVerdict = take();
  const cohen = pairs.map(([i, j]) => ({ a: data.raters[i] ?? '', b: data.raters[j] ?? '', ...take() }));
  const withGold = data.raters.map(() => take());
  const withConsensus = data.raters.map(() => take());
  const errorTypeAlpha = take();
  const fesNominal = take();
  const fesInterval = take();
  const stepAlpha = take();

  const cells: Array<Array<AgreementStat | null>> = data.raters.map(() => data.raters.map(() => null));
  pairs.forEach(([i, j], p) => {
    const { a: _a, b: _b, ...stat } = cohen[p] as (typeof cohen)[number];
    (cells[i] as Array<AgreementStat | null>)[j] = stat;
    (cells[j] as Array<AgreementStat | null>)[i] = stat;
  });

  const perRater = perRaterFigures(data);
  return {
    project: options.project,
    verdict: { items: percentAgreement.n, percentAgreement, fleissKappa: fleissStat, krippendorffAlpha: alphaVerdict, cohenKappa: cohen },
    firstErrorStep: {
      items: firstError.items,
      exact: firstError.exact,
      withinOne: firstError.withinOne,
      alphaNominal: fesNominal,
      alphaInterval: fesInterval,
    },
    stepRatings: { alpha: stepAlpha },
    errorType: { alpha: errorTypeAlpha },
    ormVsHuman: ormVsHuman(data, final, options.ormModel),
    annotators: data.raters.map((name, r) => ({
      name,
      items: perRater.items[r] ?? 0,
      medianTimeMs: perRater.time[r]?.median ?? null,
      agreementWithGold: withGold[r] as AgreementStat,
      agreementWithConsensus: withConsensus[r] as AgreementStat,
      qcAccuracy: perRater.qc[r]?.accuracy ?? null,
    })),
    roundTransitions: roundTransitions(data.solutions.problemId, data.solutions.round, final.verdict),
    kappaMatrix: { annotators: [...data.raters], cells },
    errorTypes: errorTypeCounts(data, final),
    timePerItem: data.raters.map((name, r) => ({
      name,
      items: perRater.items[r] ?? 0,
      medianMs: perRater.time[r]?.median ?? null,
      q1Ms: perRater.time[r]?.q1 ?? null,
      q3Ms: perRater.time[r]?.q3 ?? null,
    })),
    qc: data.raters.map((name, r) => ({ name, ...(perRater.qc[r] ?? { items: 0, correct: 0, accuracy: null }) })),
    filters,
    generatedAt: options.generatedAt.toISOString(),
  };
}

function perRaterFigures(data: AgreementData) {
  const R = data.raters.length;
  const a = data.annotations;
  const items = new Array<number>(R).fill(0);
  const qcItems = new Array<number>(R).fill(0);
  const qcCorrect = new Array<number>(R).fill(0);
  const rows = data.start[data.solutions.count] ?? 0;
  for (let row = 0; row < rows; row++) {
    const r = a.rater[row] as number;
    items[r] = (items[r] ?? 0) + 1;
  }
  // Times per rater in presized typed arrays (in row order, as before; quartiles sort them).
  const times = items.map((n) => new Float64Array(n));
  const filled = new Array<number>(R).fill(0);
  for (let s = 0; s < data.solutions.count; s++) {
    const qcGold = data.gold.qc[s] === 1 && data.gold.badProblem[s] === 0 ? (data.gold.verdict[s] as number) : -1;
    for (let row = data.start[s] as number; row < (data.start[s + 1] as number); row++) {
      const r = a.rater[row] as number;
      const at = filled[r] as number;
      (times[r] as Float64Array)[at] = a.timeSpentMs[row] as number;
      filled[r] = at + 1;
      if (qcGold < 0 || (a.verdict[row] as number) < 0) continue;
      qcItems[r] = (qcItems[r] ?? 0) + 1;
      if (a.verdict[row] === qcGold) qcCorrect[r] = (qcCorrect[r] ?? 0) + 1;
    }
  }
  return {
    items,
    time: times.map((values) => quartiles(values)),
    qc: qcItems.map((n, r) => ({ items: n, correct: qcCorrect[r] ?? 0, accuracy: n === 0 ? null : (qcCorrect[r] ?? 0) / n })),
  };
}

const step = (x: number): number | null => (x < 0 ? null : x);

/** ORM against the final human judgment (gold, else consensus), overall and per round. */
function ormVsHuman(data: AgreementData, final: FinalHuman, ormModel: string | null): AgreementReport['ormVsHuman'] {
  const all: OrmComparisonItem[] = [];
  const byRound = new Map<number, OrmComparisonItem[]>();
  let fromGold = 0;
  for (let s = 0; s < data.solutions.count; s++) {
    const human = final.verdict[s] as number;
    const orm = data.orm.verdict[s] as number;
    if (human < 0 || orm < 0) continue;
    if (final.source[s] === 1) fromGold += 1;
    const item: OrmComparisonItem = {
      human: VERDICT_NAMES[human] as OrmComparisonItem['human'],
      orm: VERDICT_NAMES[orm] as OrmComparisonItem['orm'],
      humanStep: step(final.firstErrorStep[s] as number),
      ormStep: step(data.orm.firstErrorStep[s] as number),
    };
    all.push(item);
    const round = data.solutions.round[s] as number;
    let list = byRound.get(round);
    if (!list) byRound.set(round, (list = []));
    list.push(item);
  }
  const reference = fromGold === all.length && all.length > 0 ? 'gold' : fromGold === 0 ? 'consensus' : 'gold+consensus';
  return {
    reference,
    ormModel,
    ...compareOrmWithHumans(all),
    byRound: [...byRound.keys()].sort((x, y) => x - y).map((round) => ({ round, ...compareOrmWithHumans(byRound.get(round) ?? []) })),
  };
}

function errorTypeCounts(data: AgreementData, final: FinalHuman): AgreementReport['errorTypes'] {
  const rows = data.errorTypeNames.map((errorType) => ({ errorType, human: 0, ormJudged: 0, ormIncorrect: 0 }));
  for (let s = 0; s < data.solutions.count; s++) {
    const t = final.errorType[s] as number;
    if (final.verdict[s] !== 1 || t < 0) continue;
    const row = rows[t];
    if (!row) continue;
    row.human += 1;
    if ((data.orm.verdict[s] as number) >= 0) row.ormJudged += 1;
    if (data.orm.verdict[s] === 1) row.ormIncorrect += 1;
  }
  return rows.filter((row) => row.human > 0).sort((x, y) => y.human - x.human || (x.errorType < y.errorType ? -1 : 1));
}

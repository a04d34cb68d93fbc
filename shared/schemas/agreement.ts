import { z } from 'zod';

/**
 * The agreement report (SPEC §6): `redline agreement --json` and
 * `GET /api/projects/:project/agreement`. Every ratio is a number in 0..1 or `null` when it is
 * undefined for the data (never NaN, never a stand-in 0). Step indices are 0-based.
 * Fields may be added later; none will be renamed.
 */

/** A statistic, its 95% bootstrap interval (null without bootstrap or when undefined) and units used. */
export const AgreementStatSchema = z.object({
  value: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  n: z.number().int().min(0),
});
export type AgreementStat = z.infer<typeof AgreementStatSchema>;

const ratio = z.number().nullable();
const count = z.number().int().min(0);

export const CohenPairSchema = AgreementStatSchema.extend({ a: z.string(), b: z.string() });
export type CohenPair = z.infer<typeof CohenPairSchema>;

export const VerdictAgreementSchema = z.object({
  /** Solutions with at least two submitted verdicts. */
  items: count,
  percentAgreement: AgreementStatSchema,
  /** `raters` = k, the most common number of verdicts per item (null when none has ≥ 2). */
  fleissKappa: AgreementStatSchema.extend({ raters: z.number().int().nullable() }),
  krippendorffAlpha: AgreementStatSchema,
  cohenKappa: z.array(CohenPairSchema),
});

export const FirstErrorStepAgreementSchema = z.object({
  /** Solutions that at least two annotators called incorrect with a step. */
  items: count,
  exact: ratio,
  withinOne: ratio,
  alphaNominal: AgreementStatSchema,
  alphaInterval: AgreementStatSchema,
});

export const ConfusionSchema = z.object({
  /** First key: human verdict; second key: ORM verdict. */
  correct: z.object({ correct: count, incorrect: count }),
  incorrect: z.object({ correct: count, incorrect: count }),
});
export type Confusion = z.infer<typeof ConfusionSchema>;

export const OrmComparisonSchema = z.object({
  items: count,
  confusion: ConfusionSchema,
  accuracy: ratio,
  precisionWrong: ratio,
  recallWrong: ratio,
  f1Wrong: ratio,
  firstErrorStepMatch: ratio,
  processBenchF1: ratio,
});
export type OrmComparison = z.infer<typeof OrmComparisonSchema>;

export const OrmVsHumanSchema = OrmComparisonSchema.extend({
  /**
   * What "human" means: `gold` = every compared solution has an adjudication; `consensus` = none
   * has; `gold+consensus` = gold where it exists, else the consensus (majority of submitted
   * verdicts, ties left out).
   */
  reference: z.enum(['gold', 'consensus', 'gold+consensus']),
  /** The ORM model compared (null = latest ORM judgment per solution, any model). */
  ormModel: z.string().nullable(),
  byRound: z.array(OrmComparisonSchema.extend({ round: z.number().int() })),
});
export type OrmVsHuman = z.infer<typeof OrmVsHumanSchema>;

export const AnnotatorStatsSchema = z.object({
  name: z.string(),
  /** Submitted annotations (within the filters). */
  items: count,
  medianTimeMs: z.number().nullable(),
  /** Share of this annotator's verdicts equal to gold, over solutions with gold. */
  agreementWithGold: AgreementStatSchema,
  /** Share equal to the consensus of the OTHER annotators (majority, ties left out). */
  agreementWithConsensus: AgreementStatSchema,
  /** Accuracy on QC items (adjudications flagged qc). */
  qcAccuracy: ratio,
});
export type AnnotatorStats = z.infer<typeof AnnotatorStatsSchema>;

export const RoundTransitionSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** Problems with solutions in both rounds; a problem is "correct" in a round when at least one
   * of its solutions in that round is finally judged correct (MathSE Fig. 2). */
  problems: count,
  correctToCorrect: count,
  correctToIncorrect: count,
  incorrectToCorrect: count,
  incorrectToIncorrect: count,
});
export type RoundTransition = z.infer<typeof RoundTransitionSchema>;

export const KappaMatrixSchema = z.object({
  annotators: z.array(z.string()),
  /** cells[i][j] = Cohen's kappa of annotators[i] and annotators[j]; null on the diagonal. */
  cells: z.array(z.array(AgreementStatSchema.nullable())),
});

export const ErrorTypeCountSchema = z.object({
  errorType: z.string(),
  /** Solutions whose final human judgment (gold, else consensus) is incorrect with this type. */
  human: count,
  /** Of those, how many have an ORM judgment (ORMs name no error type of their own)… */
  ormJudged: count,
  /** …and how many of those the ORM called incorrect (its detection per error type). */
  ormIncorrect: count,
});

export const TimePerItemSchema = z.object({
  name: z.string(),
  items: count,
  medianMs: z.number().nullable(),
  q1Ms: z.number().nullable(),
  q3Ms: z.number().nullable(),
});

export const QcStatsSchema = z.object({
  name: z.string(),
  items: count,
  correct: count,
  accuracy: ratio,
});

export const AgreementFiltersSchema = z.object({
  round: z.number().int().nullable(),
  subject: z.string().nullable(),
  annotator: z.string().nullable(),
  bootstrap: z.boolean(),
  seed: z.number().int(),
  /** Bootstrap resamples (0 without bootstrap). */
  samples: count,
});
export type AgreementFilters = z.infer<typeof AgreementFiltersSchema>;

export const AgreementReportSchema = z.object({
  project: z.string(),
  verdict: VerdictAgreementSchema,
  firstErrorStep: FirstErrorStepAgreementSchema,
  stepRatings: z.object({ alpha: AgreementStatSchema }),
  errorType: z.object({ alpha: AgreementStatSchema }),
  ormVsHuman: OrmVsHumanSchema,
  annotators: z.array(AnnotatorStatsSchema),
  roundTransitions: z.array(RoundTransitionSchema),
  kappaMatrix: KappaMatrixSchema,
  errorTypes: z.array(ErrorTypeCountSchema),
  timePerItem: z.array(TimePerItemSchema),
  qc: z.array(QcStatsSchema),
  filters: AgreementFiltersSchema,
  /** ISO 8601 time the report was computed. */
  generatedAt: z.string(),
});
export type AgreementReport = z.infer<typeof AgreementReportSchema>;

/** Query of `GET /api/projects/:project/agreement` (strings as typed in a URL). */
export const AgreementQuerySchema = z.object({
  round: z.string().max(20).optional(),
  subject: z.string().max(1000).optional(),
  annotator: z.string().max(200).optional(),
  bootstrap: z.enum(['true', 'false']).optional(),
  seed: z.string().max(20).optional(),
  /** Compare this ORM model's judgments instead of the latest per solution. */
  ormModel: z.string().max(200).optional(),
});
export type AgreementQuery = z.infer<typeof AgreementQuerySchema>;

export const DRILL_DOWN_CELLS = ['confusion', 'pair', 'errorType', 'transition', 'annotator', 'qc'] as const;
export const TRANSITION_NAMES = [
  'correctToCorrect',
  'correctToIncorrect',
  'incorrectToCorrect',
  'incorrectToIncorrect',
] as const;

/**
 * Query of `GET /api/projects/:project/agreement/solutions`: which dashboard cell to open.
 * confusion: human, orm (correct|incorrect), optional round · pair: a, b · errorType: errorType ·
 * transition: from, to, transition · annotator: name · qc: name; plus the report's filters.
 */
export const DrillDownQuerySchema = z.object({
  cell: z.enum(DRILL_DOWN_CELLS),
  round: z.string().max(20).optional(),
  subject: z.string().max(1000).optional(),
  annotator: z.string().max(200).optional(),
  human: z.enum(['correct', 'incorrect']).optional(),
  orm: z.enum(['correct', 'incorrect']).optional(),
  a: z.string().max(200).optional(),
  b: z.string().max(200).optional(),
  errorType: z.string().max(100).optional(),
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  transition: z.enum(TRANSITION_NAMES).optional(),
  name: z.string().max(200).optional(),
  /** As in the report: compare this ORM model instead of the latest judgment per solution. */
  ormModel: z.string().max(200).optional(),
});
export type DrillDownQuery = z.infer<typeof DrillDownQuerySchema>;

export const DrillDownSolutionSchema = z.object({
  id: z.number().int(),
  externalId: z.string(),
  problemExternalId: z.string(),
  round: z.number().int(),
  model: z.string(),
  /** Final human verdict (gold, else consensus); null when there is none. */
  humanVerdict: z.enum(['correct', 'incorrect']).nullable(),
  ormVerdict: z.enum(['correct', 'incorrect']).nullable(),
});
export type DrillDownSolution = z.infer<typeof DrillDownSolutionSchema>;

/** At most 200 rows; `total` counts all matches, `truncated` says rows were left out. */
export const DrillDownResponseSchema = z.object({
  solutions: z.array(DrillDownSolutionSchema),
  total: count,
  truncated: z.boolean(),
});
export type DrillDownResponse = z.infer<typeof DrillDownResponseSchema>;

import type { AnnotationDto } from '../../shared/schemas/api';
import type { JudgmentFields } from '../../shared/schemas/annotation';
import type { Database } from '../db/connection';

export type AnnotationRow = Database['t']['annotations']['$inferSelect'];

/** The judgment fields of an annotation or adjudication row, in the API's shape. */
export function judgmentOf(row: Pick<AnnotationRow, 'verdict' | 'firstErrorStep' | 'stepRatings' | 'errorType' | 'errorAnalysis'
  | 'improvementSuggestion' | 'correctedSolution' | 'regions' | 'badProblem' | 'unsure'>): JudgmentFields {
  return {
    verdict: row.verdict,
    firstErrorStep: row.firstErrorStep,
    stepRatings: row.stepRatings,
    errorType: row.errorType,
    errorAnalysis: row.errorAnalysis,
    improvementSuggestion: row.improvementSuggestion,
    correctedSolution: row.correctedSolution,
    regions: row.regions,
    flags: { badProblem: row.badProblem, unsure: row.unsure },
  };
}

export function presentAnnotation(row: AnnotationRow): AnnotationDto {
  return {
    ...judgmentOf(row),
    status: row.status,
    version: row.version,
    timeSpentMs: row.timeSpentMs,
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

/** JudgmentFields → the columns of the annotations/adjudications tables. */
export function judgmentColumns(j: JudgmentFields) {
  return {
    verdict: j.verdict,
    firstErrorStep: j.firstErrorStep,
    stepRatings: j.stepRatings,
    errorType: j.errorType,
    errorAnalysis: j.errorAnalysis,
    improvementSuggestion: j.improvementSuggestion,
    correctedSolution: j.correctedSolution,
    regions: j.regions,
    badProblem: j.flags.badProblem,
    unsure: j.flags.unsure,
  };
}

import type { ImageDto, OrmDto, SolutionViewDto } from '../../shared/schemas/api';
import type { Database } from '../db/connection';

type Tables = Database['t'];

export function imageUrl(sha256: string): string {
  return `/api/images/${sha256}`;
}

export function presentProblem(
  row: Tables['problems']['$inferSelect'],
  imageRows: Omit<ImageDto, 'url'>[],
): SolutionViewDto['problem'] {
  return {
    id: row.id,
    externalId: row.externalId,
    question: row.question,
    answer: row.answer,
    subject: row.subject,
    source: row.source,
    images: imageRows.map((i) => ({ ...i, url: imageUrl(i.sha256) })),
  };
}

export function presentSolution(row: Tables['solutions']['$inferSelect'], project: string): SolutionViewDto['solution'] {
  return {
    id: row.id,
    externalId: row.externalId,
    project,
    model: row.model,
    round: row.round,
    steps: row.steps,
    finalAnswer: row.finalAnswer,
  };
}

/** ORM judgments keep MathSE's own field names in the API (SPEC §8). */
export function presentOrm(row: Tables['ormJudgments']['$inferSelect']): OrmDto {
  return {
    model: row.model,
    status: row.status,
    error_step: row.errorStep,
    error_step_index: row.errorStepIndex,
    error_analysis: row.errorAnalysis,
    improvement_suggestion: row.improvementSuggestion,
    score: row.score,
    stepUnclear: row.stepUnclear,
  };
}

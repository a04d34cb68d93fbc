import { AdjudicationDtoSchema, type AdjudicationDto, type AdjudicationPut } from '../../shared/schemas/api';
import { ApiError } from './api-error';
import { call, segment } from './http';

/** Saved, or a version conflict carrying the gold someone else saved meanwhile (409 VERSION_CONFLICT). */
export type AdjudicationOutcome =
  | { kind: 'saved'; adjudication: AdjudicationDto }
  | { kind: 'conflict'; current: AdjudicationDto | null };

/** PUT /api/solutions/:id/adjudication (lead of the project, admin). Other failures throw ApiError. */
export async function putAdjudication(solutionId: number, body: AdjudicationPut): Promise<AdjudicationOutcome> {
  try {
    return { kind: 'saved', adjudication: await call('PUT', `/api/solutions/${segment(solutionId)}/adjudication`, AdjudicationDtoSchema, { body }) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'VERSION_CONFLICT') {
      const current = AdjudicationDtoSchema.nullable().safeParse((error.body as { current?: unknown } | undefined)?.current ?? null);
      if (current.success) return { kind: 'conflict', current: current.data };
    }
    throw error;
  }
}

/** POST /api/solutions/:id/adjudication/qc: mark or unmark the gold as a blind QC item. */
export function setAdjudicationQc(solutionId: number, qc: boolean): Promise<AdjudicationDto> {
  return call('POST', `/api/solutions/${segment(solutionId)}/adjudication/qc`, AdjudicationDtoSchema, { body: { qc } });
}

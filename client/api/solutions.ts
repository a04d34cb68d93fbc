import {
  AnnotationDtoSchema,
  SolutionViewDtoSchema,
  type AnnotationDto,
  type SolutionViewDto,
} from '../../shared/schemas/api';
import type { AnnotationPut } from '../../shared/schemas/annotation';
import { ApiError } from './api-error';
import { call, segment } from './http';

export function getSolution(solutionId: number): Promise<SolutionViewDto> {
  return call('GET', `/api/solutions/${segment(solutionId)}`, SolutionViewDtoSchema);
}

/**
 * The outcome of saving: saved, or a version conflict carrying the server's current
 * annotation (409 VERSION_CONFLICT) — the caller must let the person choose, never overwrite.
 * Other failures (422 ANNOTATION_INVALID with details.problems, 401, …) throw ApiError.
 */
export type SaveOutcome =
  | { kind: 'saved'; annotation: AnnotationDto }
  | { kind: 'conflict'; current: AnnotationDto };

export async function putAnnotation(solutionId: number, body: AnnotationPut): Promise<SaveOutcome> {
  try {
    const annotation = await call('PUT', `/api/solutions/${segment(solutionId)}/annotation`, AnnotationDtoSchema, { body });
    return { kind: 'saved', annotation };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'VERSION_CONFLICT') {
      const current = AnnotationDtoSchema.safeParse((error.body as { current?: unknown } | undefined)?.current);
      if (current.success) return { kind: 'conflict', current: current.data };
    }
    throw error;
  }
}

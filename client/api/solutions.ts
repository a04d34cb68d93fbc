import {
  AnnotationDtoSchema,
  SolutionViewDtoSchema,
  type AnnotationDto,
  type SolutionViewDto,
} from '../../shared/schemas/api';
import type { AnnotationPut } from '../../shared/schemas/annotation';
import { ApiError } from './api-error';
import { call, callVoid, segment } from './http';

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

/**
 * The page is going away with a save pending: send the draft with fetch keepalive and forget
 * the answer. The local copy stays until a later load sees the server has the same fields.
 */
export function putAnnotationOnUnload(solutionId: number, body: AnnotationPut): void {
  callVoid('PUT', `/api/solutions/${segment(solutionId)}/annotation`, { body, keepalive: true }).catch(() => undefined);
}

/** POST …/skip: back to the others, never offered to the caller again (a draft stays stored). */
export function skipSolution(solutionId: number): Promise<void> {
  return callVoid('POST', `/api/solutions/${segment(solutionId)}/skip`, { body: {} });
}

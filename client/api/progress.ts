import { ProgressDtoSchema, type ProgressDto } from '../../shared/schemas/admin';
import { call, segment } from './http';

/** GET /api/projects/:project/progress (lead+): the project's totals and one row per annotator. Times in ms. */
export function getProgress(project: string): Promise<ProgressDto> {
  return call('GET', `/api/projects/${segment(project)}/progress`, ProgressDtoSchema);
}

import { z } from 'zod';
import { ProjectDtoSchema, QcSummaryDtoSchema, ReviewListDtoSchema, type QcSummaryDto, type ReviewListDto, type ReviewReason } from '../../shared/schemas/api';
import { call, segment } from './http';

export interface ReviewListQuery {
  status?: 'open' | 'adjudicated';
  reason?: ReviewReason;
  round?: number;
  limit?: number;
  cursor?: string;
}

/** GET /api/projects/:project/review (lead+): the solutions that need a lead, one page at a time. */
export function getReviewQueue(project: string, query: ReviewListQuery = {}): Promise<ReviewListDto> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return call('GET', `/api/projects/${segment(project)}/review${qs ? `?${qs}` : ''}`, ReviewListDtoSchema);
}

/** GET /api/projects/:project/qc (lead+): the project's QC rate and how many QC items are marked. */
export function getQcSummary(project: string): Promise<QcSummaryDto> {
  return call('GET', `/api/projects/${segment(project)}/qc`, QcSummaryDtoSchema);
}

const ProjectEnvelopeSchema = z.object({ project: ProjectDtoSchema });

/** PATCH /api/projects/:project `{qcRate}` (lead+): the share of each annotator's items that are blind QC items. */
export async function setQcRate(project: string, qcRate: number): Promise<void> {
  await call('PATCH', `/api/projects/${segment(project)}`, ProjectEnvelopeSchema, { body: { qcRate } });
}

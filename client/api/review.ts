import { z } from 'zod';
import {
  ProjectDtoSchema, QcSummaryDtoSchema, ReviewCountsDtoSchema, ReviewListDtoSchema,
  type QcSummaryDto, type ReviewCountsDto, type ReviewListDto, type ReviewReason,
} from '../../shared/schemas/api';
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
  return call('GET', `/api/projects/${segment(project)}/review${queryString(query)}`, ReviewListDtoSchema);
}

/** GET /api/projects/:project/review/counts (lead+): open, adjudicated and per-reason counts (a pass over the whole project). */
export function getReviewCounts(project: string, query: Pick<ReviewListQuery, 'status' | 'round'> = {}): Promise<ReviewCountsDto> {
  return call('GET', `/api/projects/${segment(project)}/review/counts${queryString(query)}`, ReviewCountsDtoSchema);
}

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
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

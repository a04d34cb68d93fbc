import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReviewReasonSchema } from '../../shared/schemas/api';
import { requirePrincipal } from '../plugins/auth';
import { requireRole } from '../services/access';
import { qcSummary, reviewCounts, reviewQueue } from '../services/review';
import type { RouteDeps } from './deps';
import { ProjectParams } from './params';

export const ReviewQuerySchema = z.object({
  reason: ReviewReasonSchema.optional(),
  round: z.coerce.number().int().min(0).optional(),
  status: z.enum(['open', 'adjudicated']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().regex(/^\d{1,15}$/, 'a cursor this list gave out').optional(),
});

export const ReviewCountsQuerySchema = ReviewQuerySchema.pick({ round: true, status: true });

/** The review queue of a project: what needs a lead's adjudication (lead+). */
export const reviewRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  app.get('/api/projects/:project/review', { schema: { params: ProjectParams, querystring: ReviewQuerySchema } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'lead');
    return reviewQueue(db, principal, request.params.project, request.query);
  });

  app.get('/api/projects/:project/review/counts', { schema: { params: ProjectParams, querystring: ReviewCountsQuerySchema } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'lead');
    return reviewCounts(db, principal, request.params.project, request.query);
  });

  app.get('/api/projects/:project/qc', { schema: { params: ProjectParams } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'lead');
    return qcSummary(db, principal, request.params.project);
  });
};

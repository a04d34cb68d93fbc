import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../plugins/auth';
import { requireRole } from '../services/access';
import { projectProgress } from '../services/progress';
import type { RouteDeps } from './deps';
import { ProjectParams } from './params';

/** How far a project is, overall and per annotator (lead+). */
export const progressRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, now }) => {
  app.get('/api/projects/:project/progress', { schema: { params: ProjectParams } }, async (request) => {
    requireRole(requirePrincipal(request), 'lead');
    return projectProgress(db, request.params.project, now());
  });
};

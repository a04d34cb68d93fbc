import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { QueueNextDto } from '../../shared/schemas/api';
import { requirePrincipal } from '../plugins/auth';
import { requireRole } from '../services/access';
import { getProjectView, listProjects } from '../services/project-views';
import { assignNextSolution } from '../services/queue';
import type { RouteDeps } from './deps';

const ProjectParams = z.object({ project: z.string().min(1).max(64) });

export const projectRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, now }) => {
  app.get('/api/projects', async (request) => ({ projects: await listProjects(db, requirePrincipal(request)) }));

  app.get('/api/projects/:project', { schema: { params: ProjectParams } }, async (request) => ({
    project: await getProjectView(db, requirePrincipal(request), request.params.project),
  }));

  app.post('/api/projects/:project/queue/next', { schema: { params: ProjectParams } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'annotator');
    const assignment = await assignNextSolution(db, principal, request.params.project, now());
    if (!assignment) return reply.status(204).send();
    const body: QueueNextDto = {
      solution: { id: assignment.solutionId, externalId: assignment.externalId },
      lease: { expiresAt: assignment.expiresAt.toISOString() },
    };
    return body;
  });
};

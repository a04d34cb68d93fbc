import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProjectCreateSchema, ProjectUpdateSchema } from '../../shared/schemas/admin';
import type { QueueNextDto } from '../../shared/schemas/api';
import { requirePrincipal } from '../plugins/auth';
import { requireLabeller, requireRole } from '../services/access';
import { updateProjectSettings } from '../services/project-update';
import { getProjectView, listProjects, presentProject } from '../services/project-views';
import { createProject } from '../services/projects';
import { assignNextSolution } from '../services/queue';
import type { RouteDeps } from './deps';
import { ProjectParams } from './params';

export const projectRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, now }) => {
  app.get('/api/projects', async (request) => ({ projects: await listProjects(db, requirePrincipal(request)) }));

  app.post('/api/projects', { schema: { body: ProjectCreateSchema } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'lead');
    const { name, ...settings } = request.body;
    const project = await createProject(db, name, settings, principal.userId);
    return reply.status(201).send({ project: await presentProject(db, project, principal.userId) });
  });

  app.get('/api/projects/:project', { schema: { params: ProjectParams } }, async (request) => ({
    project: await getProjectView(db, requirePrincipal(request), request.params.project),
  }));

  app.patch('/api/projects/:project', { schema: { params: ProjectParams, body: ProjectUpdateSchema } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'lead');
    const { project } = await updateProjectSettings(db, request.params.project, request.body, principal.userId);
    return { project: await presentProject(db, project, principal.userId) };
  });

  app.post('/api/projects/:project/queue/next', { schema: { params: ProjectParams } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireLabeller(principal);
    const assignment = await assignNextSolution(db, principal, request.params.project, now());
    if (!assignment) return reply.status(204).send();
    const body: QueueNextDto = {
      solution: { id: assignment.solutionId, externalId: assignment.externalId },
      lease: { expiresAt: assignment.expiresAt.toISOString() },
    };
    return body;
  });
};

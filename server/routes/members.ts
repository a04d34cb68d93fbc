import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MembersChangeSchema } from '../../shared/schemas/admin';
import { requirePrincipal } from '../plugins/auth';
import { requireRole } from '../services/access';
import { changeMembers, listMembers } from '../services/members';
import type { RouteDeps } from './deps';
import { ProjectParams } from './params';

/** Who works on a project (lead+). Annotators see only the projects they are members of. */
export const memberRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  app.get('/api/projects/:project/members', { schema: { params: ProjectParams } }, async (request) => {
    requireRole(requirePrincipal(request), 'lead');
    return { members: await listMembers(db, request.params.project) };
  });

  app.put('/api/projects/:project/members', { schema: { params: ProjectParams, body: MembersChangeSchema } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'lead');
    await changeMembers(db, request.params.project, request.body, principal.userId);
    return { members: await listMembers(db, request.params.project) };
  });
};

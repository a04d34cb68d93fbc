import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../plugins/auth';
import { requireRole } from '../services/access';
import { solutionHistory } from '../services/history';
import type { RouteDeps } from './deps';
import { SolutionParams } from './params';

/** Everything that happened to one solution, oldest first (lead+: it shows everyone's labels). */
export const historyRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  app.get('/api/solutions/:id/history', { schema: { params: SolutionParams } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'lead');
    return { entries: await solutionHistory(db, principal, request.params.id) };
  });
};

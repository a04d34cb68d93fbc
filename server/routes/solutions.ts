import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AnnotationPutSchema } from '../../shared/schemas/annotation';
import { requirePrincipal } from '../plugins/auth';
import { requireLabeller } from '../services/access';
import { saveAnnotation } from '../services/annotations';
import { skipSolution } from '../services/queue';
import { getSolutionView, loadSolutionForCaller } from '../services/solutions';
import type { RouteDeps } from './deps';
import { SolutionParams } from './params';

export const solutionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, now }) => {
  app.get('/api/solutions/:id', { schema: { params: SolutionParams } }, async (request) =>
    getSolutionView(db, requirePrincipal(request), request.params.id, now()),
  );

  app.post('/api/solutions/:id/skip', { schema: { params: SolutionParams } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireLabeller(principal);
    const { project } = await loadSolutionForCaller(db, principal, request.params.id);
    await skipSolution(db, principal, project.id, request.params.id, now());
    return reply.status(204).send();
  });

  app.put('/api/solutions/:id/annotation', { schema: { params: SolutionParams, body: AnnotationPutSchema } }, async (request) => {
    const principal = requirePrincipal(request);
    requireLabeller(principal);
    return saveAnnotation(db, principal, request.params.id, request.body, now());
  });
};

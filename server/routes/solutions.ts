import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AnnotationPutSchema } from '../../shared/schemas/annotation';
import { requirePrincipal } from '../plugins/auth';
import { saveAnnotation } from '../services/annotations';
import { getSolutionView } from '../services/solutions';
import type { RouteDeps } from './deps';

const SolutionParams = z.object({ id: z.coerce.number().int().positive() });

export const solutionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, now }) => {
  app.get('/api/solutions/:id', { schema: { params: SolutionParams } }, async (request) =>
    getSolutionView(db, requirePrincipal(request), request.params.id),
  );

  app.put('/api/solutions/:id/annotation', { schema: { params: SolutionParams, body: AnnotationPutSchema } }, async (request) =>
    saveAnnotation(db, requirePrincipal(request), request.params.id, request.body, now()),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdjudicationPutSchema } from '../../shared/schemas/api';
import { requirePrincipal } from '../plugins/auth';
import { saveAdjudication, setAdjudicationQc } from '../services/adjudication';
import type { RouteDeps } from './deps';
import { SolutionParams } from './params';

/** Gold judgments (SPEC §8 `PUT /api/solutions/:id/adjudication`): leads of the project, admins. */
export const adjudicationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, now }) => {
  app.put('/api/solutions/:id/adjudication', { schema: { params: SolutionParams, body: AdjudicationPutSchema } }, async (request) =>
    saveAdjudication(db, requirePrincipal(request), request.params.id, request.body, now()),
  );

  app.post('/api/solutions/:id/adjudication/qc', { schema: { params: SolutionParams, body: z.object({ qc: z.boolean() }) } }, async (request) =>
    setAdjudicationQc(db, requirePrincipal(request), request.params.id, request.body.qc, now()),
  );
};

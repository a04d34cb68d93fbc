import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgreementQuerySchema, AgreementReportSchema, DrillDownQuerySchema, DrillDownResponseSchema } from '../../shared/schemas/agreement';
import { requirePrincipal } from '../plugins/auth';
import { getVisibleProject, requireRole } from '../services/access';
import { agreementDrillDown } from '../services/agreement/agreement-drill-down';
import { agreementReport } from '../services/agreement/agreement-report';
import type { RouteDeps } from './deps';
import { ProjectParams } from './params';

/** The agreement report (SPEC §6, §8; lead+) and the solutions behind one of its cells. */
export const agreementRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, now }) => {
  app.get(
    '/api/projects/:project/agreement',
    { schema: { params: ProjectParams, querystring: AgreementQuerySchema, response: { 200: AgreementReportSchema } } },
    async (request) => {
      const principal = requirePrincipal(request);
      requireRole(principal, 'lead');
      const project = await getVisibleProject(db, principal, request.params.project);
      const { bootstrap, ...filters } = request.query;
      return agreementReport(db, { project: project.name, ...filters, bootstrap: bootstrap !== 'false' }, now());
    },
  );

  app.get(
    '/api/projects/:project/agreement/solutions',
    { schema: { params: ProjectParams, querystring: DrillDownQuerySchema, response: { 200: DrillDownResponseSchema } } },
    async (request) => {
      const principal = requirePrincipal(request);
      requireRole(principal, 'lead');
      const project = await getVisibleProject(db, principal, request.params.project);
      return agreementDrillDown(db, project.name, request.query);
    },
  );
};

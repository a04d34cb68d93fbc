import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrmRunDetailDtoSchema, OrmRunListDtoSchema, OrmRunStartSchema } from '../../shared/schemas/judge';
import { DEFAULT_PROMPT_TEMPLATE } from '../domain/judge/prompt-template';
import { requirePrincipal } from '../plugins/auth';
import { getVisibleProject, requireRole } from '../services/access';
import { OrmRunner } from '../services/judge/orm-runs';
import type { RouteDeps } from './deps';
import { ProjectParams } from './params';

export interface OrmRunRouteDeps extends RouteDeps {
  /** REDLINE_ORM_API_KEY, sent as Bearer to the endpoint; never stored or returned. */
  ormApiKey?: string | undefined;
  /** Tests shorten the retry backoff. */
  ormRetryBaseDelayMs?: number;
}

const RunParams = ProjectParams.extend({ id: z.coerce.number().int().positive() });

/** ORM runs (issue 7; researcher+): start `redline judge` as a job here, follow it, stop it. */
export const ormRunRoutes: FastifyPluginAsyncZod<OrmRunRouteDeps> = async (app, deps) => {
  const runner = new OrmRunner(deps.db, {
    apiKey: deps.ormApiKey,
    now: deps.now,
    retryBaseDelayMs: deps.ormRetryBaseDelayMs,
    log: (message, error) => app.log.error({ err: error }, message),
  });
  app.addHook('onClose', () => runner.close());

  app.post('/api/projects/:project/orm-runs', { schema: { params: ProjectParams, body: OrmRunStartSchema, response: { 201: OrmRunDetailDtoSchema } } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'researcher');
    const project = await getVisibleProject(deps.db, principal, request.params.project);
    return reply.status(201).send(await runner.start(principal, project, request.body));
  });

  app.get('/api/projects/:project/orm-runs', { schema: { params: ProjectParams, response: { 200: OrmRunListDtoSchema } } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'researcher');
    const project = await getVisibleProject(deps.db, principal, request.params.project);
    return { runs: await runner.list(project), defaultPromptTemplate: DEFAULT_PROMPT_TEMPLATE, apiKeyConfigured: runner.apiKeyConfigured };
  });

  app.get('/api/projects/:project/orm-runs/:id', { schema: { params: RunParams, response: { 200: OrmRunDetailDtoSchema } } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'researcher');
    const project = await getVisibleProject(deps.db, principal, request.params.project);
    return runner.get(project, request.params.id);
  });

  app.post('/api/projects/:project/orm-runs/:id/cancel', { schema: { params: RunParams, response: { 200: OrmRunDetailDtoSchema } } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'researcher');
    const project = await getVisibleProject(deps.db, principal, request.params.project);
    return runner.cancel(project, request.params.id);
  });
};

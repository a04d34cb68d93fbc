import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ping } from '../db/dialect';
import { isDemoLoaded } from '../services/projects';
import type { RouteDeps } from './deps';

/** 200 when the database answers; also tells the sign-in page whether demo logins exist. */
export const healthRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  app.get('/api/health', async (_request, reply) => {
    if (!(await ping(db))) return reply.status(503).send({ ok: false, database: db.dialect });
    return { ok: true, database: db.dialect, demo: await isDemoLoaded(db) };
  });
};

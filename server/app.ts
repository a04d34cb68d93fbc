import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { readLimits, type Config, type Limits } from './config';
import type { Database } from './db/connection';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { securityHeadersPlugin } from './plugins/security-headers';
import { staticClientPlugin } from './plugins/static-client';
import { agreementRoutes } from './routes/agreement';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { historyRoutes } from './routes/history';
import { imageRoutes } from './routes/images';
import { importRoutes } from './routes/imports';
import { memberRoutes } from './routes/members';
import { ormRunRoutes } from './routes/orm-runs';
import { progressRoutes } from './routes/progress';
import { adjudicationRoutes } from './routes/adjudication';
import { reviewRoutes } from './routes/review';
import { projectRoutes } from './routes/projects';
import { solutionRoutes } from './routes/solutions';
import { userRoutes } from './routes/users';

export interface AppOptions {
  db: Database;
  config: Pick<Config, 'clientDir' | 'secureCookies' | 'uploadLimitMb' | 'ormApiKey' | 'trustProxy'> & { limits?: Partial<Limits> };
  logger?: boolean;
  /** The clock for leases and sessions; tests pass their own. */
  now?: () => Date;
}

export type App = FastifyInstance;

/** Builds the whole application without listening: main.ts listens, tests use `inject`. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 5 * 1024 * 1024,
    // Off unless configured: believing any X-Forwarded-For lets a client pick its own address.
    trustProxy: options.config.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: { info: { title: 'Redline API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin);
  // The defaults, with what the config (the environment, or a test) sets: read once, here.
  const limits: Limits = { ...readLimits({}), ...options.config.limits };
  const deps = { db: options.db, now: options.now ?? (() => new Date()), secureCookies: options.config.secureCookies, limits };
  await app.register(authPlugin, { db: options.db, now: deps.now, tokenRatePerMinute: limits.tokenRatePerMinute });

  await app.register(healthRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(projectRoutes, deps);
  await app.register(solutionRoutes, deps);
  await app.register(imageRoutes, deps);
  await app.register(userRoutes, deps);
  await app.register(memberRoutes, deps);
  await app.register(progressRoutes, deps);
  await app.register(historyRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(exportRoutes, deps);
  await app.register(agreementRoutes, deps);
  await app.register(ormRunRoutes, { ...deps, ormApiKey: options.config.ormApiKey });
  await app.register(importRoutes, { ...deps, uploadLimitMb: options.config.uploadLimitMb });
  await app.register(adjudicationRoutes, deps);
  await app.register(reviewRoutes, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(staticClientPlugin, { clientDir: options.config.clientDir });
  return app;
}

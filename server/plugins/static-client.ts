import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Serves the built client, with index.html for every non-API path (the client routes itself).
 * Without a build, non-API paths answer 503 with how to build, rather than a blank page.
 */
export const staticClientPlugin = fp(async (app: FastifyInstance, opts: { clientDir: string }) => {
  const root = resolve(opts.clientDir);
  const built = existsSync(resolve(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      index: 'index.html',
      setHeaders: (res, path) => {
        // Hashed assets never change; index.html must be revalidated to pick up new builds.
        res.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` });
    }
    if (!built) {
      return reply.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (npm start does it for you).');
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', root);
  });
});

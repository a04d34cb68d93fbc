import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../plugins/auth';
import { readImageForCaller } from '../services/images';
import type { RouteDeps } from './deps';

const ImageParams = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase sha256 hex digest') });

export const imageRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  app.get('/api/images/:sha256', { schema: { params: ImageParams } }, async (request, reply) => {
    const image = await readImageForCaller(db, requirePrincipal(request), request.params.sha256);
    // Content-addressed: the bytes behind a name never change. The sandbox CSP keeps an SVG
    // opened directly from running script.
    return reply
      .type(image.mime)
      .header('Cache-Control', 'private, max-age=31536000, immutable')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .send(image.data);
  });
};

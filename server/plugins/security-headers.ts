import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * No inline script anywhere, and no eval (e2e/csp.spec.ts runs the annotate journey under it).
 * style-src keeps 'unsafe-inline' for one reason, measured there: MathLive's static renderer
 * writes its markup as HTML with style="…" attributes that size and place each glyph (hundreds of
 * style-src-attr refusals per page without it). It needs no inline <style> element in browsers
 * with adoptedStyleSheets; older ones fall back to <style> elements, which is why this is not
 * narrowed to `style-src-attr 'unsafe-inline'` + `style-src-elem 'self'`. Images come from our
 * own API or data:/blob: URLs (canvas exports), fonts from our build.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
  });
});

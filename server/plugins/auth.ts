import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/constants';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { principalFromApiToken, principalFromSession, type Principal } from '../services/sessions';
import { TokenRateLimiter } from '../services/token-limits';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling: a session cookie (browser) or `Authorization: Bearer TOKEN` (scripts).
 * Cookie-authenticated writes must echo the session's CSRF token in the x-redline-csrf header;
 * bearer tokens are not sent by browsers on their own, so they need none. Each token may make
 * `tokenRatePerMinute` requests a minute (REDLINE_TOKEN_RATE_PER_MINUTE; token-limits.ts).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Database; now: () => Date; tokenRatePerMinute: number }) => {
  const tokenLimit = new TokenRateLimiter(opts.tokenRatePerMinute);
  await app.register(cookie);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      request.principal = await principalFromApiToken(opts.db, bearer, opts.now());
      if (!request.principal) throw new AppError('UNAUTHENTICATED', 'the API token is unknown or revoked');
      tokenLimit.take(bearer, opts.now());
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.principal = await principalFromSession(opts.db, token, opts.now());
    if (request.principal && !SAFE_METHODS.has(request.method)) {
      if (request.headers[CSRF_HEADER] !== request.principal.csrfToken) {
        throw new AppError('CSRF_MISMATCH', `cookie-authenticated writes need the ${CSRF_HEADER} header from /api/me`);
      }
    }
  });
});

/** The caller, or 401. Routes call this first, then check the role they need. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return request.principal;
}

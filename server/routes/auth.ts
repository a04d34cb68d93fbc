import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../../shared/constants';
import { LoginBodySchema, type MeDto } from '../../shared/schemas/api';
import { requirePrincipal } from '../plugins/auth';
import { isDemoLoaded } from '../services/projects';
import { login, logout, type Principal } from '../services/sessions';
import type { RouteDeps } from './deps';

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, now, secureCookies }) => {
  const me = async (principal: Principal): Promise<MeDto> => ({
    user: { id: principal.userId, name: principal.name, role: principal.role },
    csrfToken: principal.csrfToken,
    demo: await isDemoLoaded(db),
  });

  app.post('/api/auth/login', { schema: { body: LoginBodySchema } }, async (request, reply) => {
    const session = await login(db, { ...request.body, ip: request.ip }, now());
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions(request, secureCookies), expires: session.expiresAt });
    return me(session.principal);
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const principal = requirePrincipal(request);
    if (principal.sessionId) await logout(db, principal.sessionId);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request, secureCookies));
    return reply.status(204).send();
  });

  app.get('/api/me', async (request) => me(requirePrincipal(request)));
};

/**
 * The session cookie: HttpOnly, SameSite=Strict, and Secure when the request came over https
 * (directly, or through a proxy's X-Forwarded-Proto: the app trusts its proxy) or when
 * REDLINE_SECURE_COOKIES=true says so for every request.
 */
export function cookieOptions(request: FastifyRequest, secureCookies: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: secureCookies || request.protocol === 'https' };
}

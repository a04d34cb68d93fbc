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
    const session = await login(db, request.body.username, request.body.password, now());
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      expires: session.expiresAt,
    });
    return me(session.principal);
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const principal = requirePrincipal(request);
    if (principal.sessionId) await logout(db, principal.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/me', async (request) => me(requirePrincipal(request)));
};

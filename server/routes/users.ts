import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TokenCreateSchema, UserCreateSchema, UserNameSchema, UserUpdateSchema } from '../../shared/schemas/admin';
import { requirePrincipal } from '../plugins/auth';
import { requireRole, requireSelfOrAdmin } from '../services/access';
import { issueApiToken, listApiTokens, revokeApiToken } from '../services/tokens';
import { getUserForAdmin, listUsersForAdmin, updateUser } from '../services/user-admin';
import { addUser } from '../services/users';
import type { RouteDeps } from './deps';

const UserParams = z.object({ name: UserNameSchema });
const TokenParams = UserParams.extend({ id: z.coerce.number().int().positive() });

/** Accounts and API tokens (SPEC §1 admin). Tokens: an admin, or the user themself. */
export const userRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, now }) => {
  app.get('/api/users', async (request) => {
    requireRole(requirePrincipal(request), 'admin');
    return { users: await listUsersForAdmin(db) };
  });

  app.post('/api/users', { schema: { body: UserCreateSchema } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'admin');
    const row = await addUser(db, request.body, principal.userId);
    return reply.status(201).send({ user: await getUserForAdmin(db, row.name) });
  });

  app.patch('/api/users/:name', { schema: { params: UserParams, body: UserUpdateSchema } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'admin');
    await updateUser(db, request.params.name, request.body, principal, now());
    return { user: await getUserForAdmin(db, request.params.name) };
  });

  app.get('/api/users/:name/tokens', { schema: { params: UserParams } }, async (request) => {
    requireSelfOrAdmin(requirePrincipal(request), request.params.name);
    return { tokens: await listApiTokens(db, request.params.name) };
  });

  app.post('/api/users/:name/tokens', { schema: { params: UserParams, body: TokenCreateSchema.nullish() } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireSelfOrAdmin(principal, request.params.name);
    const created = await issueApiToken(db, request.params.name, request.body?.label ?? '', principal.userId, now());
    return reply.status(201).send(created);
  });

  app.delete('/api/users/:name/tokens/:id', { schema: { params: TokenParams } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireSelfOrAdmin(principal, request.params.name);
    await revokeApiToken(db, request.params.name, request.params.id, principal.userId, now());
    return reply.status(204).send();
  });
};

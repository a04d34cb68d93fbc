import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../plugins/auth';
import { hasRole, requireRole } from '../services/access';
import { listAuditEntries } from '../services/audit';
import { getProject } from '../services/projects';
import type { RouteDeps } from './deps';

const AuditQuerySchema = z.object({
  project: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The id of the oldest entry already read: the next page starts below it. */
  before: z.coerce.number().int().positive().optional(),
});

/**
 * The audit log, newest first. Admins read all of it; leads read the entries that belong to
 * projects (every project is visible to them), not account matters such as sign-ins or tokens.
 */
export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  app.get('/api/audit', { schema: { querystring: AuditQuerySchema } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'lead');
    const { project, limit, before } = request.query;
    const projectId = project === undefined ? undefined : (await getProject(db, project)).id;
    const entries = await listAuditEntries(db, { projectId, projectsOnly: !hasRole(principal, 'admin'), limit, beforeId: before });
    return { entries };
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ExportFilterQuerySchema, ExportQuerySchema } from '../../shared/schemas/export';
import { requirePrincipal } from '../plugins/auth';
import { getVisibleProject, requireRole } from '../services/access';
import { startExportDownload } from '../services/export/export-download';
import { previewExport } from '../services/export/export-preview';
import type { RouteDeps } from './deps';
import { ProjectParams } from './params';

/** Dataset export over HTTP (SPEC §5, §8; researcher+): a preview of counts, and the zip itself. */
export const exportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, limits }) => {
  app.get('/api/projects/:project/export/preview', { schema: { params: ProjectParams, querystring: ExportFilterQuerySchema } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'researcher');
    const project = await getVisibleProject(db, principal, request.params.project);
    return previewExport(db, project, request.query);
  });

  // Streams: headers and the first entry's header leave at once; the body follows the database.
  app.get('/api/projects/:project/export', { schema: { params: ProjectParams, querystring: ExportQuerySchema } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'researcher');
    const project = await getVisibleProject(db, principal, request.params.project);
    const download = await startExportDownload(db, principal, project, request.query, request.log, limits.maxConcurrentExports);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${download.fileName}"`)
      .header('cache-control', 'no-store')
      .send(download.stream);
  });
};

import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors';
import { requirePrincipal } from '../plugins/auth';
import { getVisibleProject, requireRole } from '../services/access';
import { checkImportSlot, failStaleImportJobs, getImportJob, importsSettled, importTotals, listImportJobs, readImportFields, startImportJob, type ImportRequest } from '../services/import-jobs';
import { rejectedReport } from '../services/import-jobs-report';
import { checkDeclaredSize, discardRest, receiveUpload, removeFolder } from '../services/import-jobs-upload';
import type { RouteDeps } from './deps';
import { ProjectParams } from './params';

export const DEFAULT_UPLOAD_LIMIT_MB = 512;

const ImportParams = ProjectParams.extend({ id: z.coerce.number().int().positive() });
const RejectedQuery = z.object({ format: z.enum(['csv', 'jsonl']).default('csv') });

/**
 * Import in the browser (SPEC §8, researcher+): a multipart upload of data files and the images
 * they refer to, streamed to a temporary folder, then imported in the background as a job whose
 * progress and summary can be read while it runs; and the rejected records as a download.
 */
export const importRoutes: FastifyPluginAsyncZod<RouteDeps & { uploadLimitMb?: number }> = async (app, { db, now, uploadLimitMb, limits }) => {
  const limitMb = uploadLimitMb ?? DEFAULT_UPLOAD_LIMIT_MB;
  if (!(limitMb > 0) || !Number.isFinite(limitMb)) throw new Error(`REDLINE_UPLOAD_LIMIT_MB must be a positive number of MB, got ${uploadLimitMb}`);
  const limitBytes = Math.floor(limitMb * 1024 * 1024);
  // Registered here, so only these routes accept multipart bodies. Busboy's per-file limit sits
  // one byte above the request limit: the counter in receiveUpload trips first, with its message.
  await app.register(multipart, { preservePath: true, limits: { fileSize: limitBytes + 1, files: 100_000, parts: 100_100, fieldSize: 64 * 1024 } });
  app.addHook('onClose', importsSettled);
  // Jobs left running by a server that stopped (SIGKILL, power loss) are failed at start.
  await failStaleImportJobs(db, now());

  app.post('/api/projects/:project/imports', { schema: { params: ProjectParams } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'researcher');
    const project = await getVisibleProject(db, principal, request.params.project);
    if (!request.isMultipart()) throw new AppError('BAD_REQUEST', 'send the files as multipart/form-data (fields format, round, strict and one or more files)');
    let upload;
    try {
      // Before the body is streamed to disk: a user at the limit uploads nothing.
      await checkImportSlot(db, principal.userId, now(), limits.maxConcurrentImports);
      checkDeclaredSize(request.headers['content-length'], limitBytes);
      upload = await receiveUpload(request.parts(), limitBytes);
    } catch (error) {
      // A refused upload's connection is not reused: the body may be only partly read.
      reply.header('connection', 'close');
      discardRest(request.raw, reply.raw, limitBytes);
      throw error;
    }
    let options: ImportRequest;
    try {
      options = readImportFields(upload.fields);
      if (upload.dataFiles.length === 0) {
        throw new AppError('BAD_REQUEST', `no data file in the upload: add a .jsonl or .json file (got ${upload.otherFiles.length} other files)`);
      }
    } catch (error) {
      await removeFolder(upload.folder);
      throw error;
    }
    const job = await startImportJob(db, { project, actorId: principal.userId, upload, request: options, now, log: app.log, limit: limits.maxConcurrentImports });
    return reply.status(202).send({ job: { id: job.id, status: job.status, progress: job.progress } });
  });

  app.get('/api/projects/:project/imports', { schema: { params: ProjectParams } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'researcher');
    const project = await getVisibleProject(db, principal, request.params.project);
    const jobs = await listImportJobs(db, project);
    return { jobs: jobs.map(({ result, ...job }) => ({ ...job, totals: importTotals(result) })) };
  });

  app.get('/api/projects/:project/imports/:id', { schema: { params: ImportParams } }, async (request) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'researcher');
    const project = await getVisibleProject(db, principal, request.params.project);
    const { result, ...job } = await getImportJob(db, project, request.params.id);
    return { job: { ...job, totals: importTotals(result), result } };
  });

  app.get('/api/projects/:project/imports/:id/rejected', { schema: { params: ImportParams, querystring: RejectedQuery } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    requireRole(principal, 'researcher');
    const project = await getVisibleProject(db, principal, request.params.project);
    const job = await getImportJob(db, project, request.params.id);
    const { format } = request.query;
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="${project.name}-import-${job.id}-rejected.${format}"`)
      .header('cache-control', 'no-store')
      .send(rejectedReport(job, format));
  });
};
